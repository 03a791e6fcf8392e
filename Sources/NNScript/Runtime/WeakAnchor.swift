/// What an object hands out to be referred to weakly: the object holds its anchor strongly and no one else
/// keeps it, so the anchor lives exactly as long as the object, and a weak reference to the anchor is nil
/// once the object is gone.
///
/// A weak reference gives its referent a side table, after which every retain and release of the referent
/// takes the runtime's slow path. Classes and the interpreter are retained on every method call, so they are
/// referred to weakly through an anchor, which is touched only when the reference is read.
final class WeakAnchor<Object: AnyObject> {
    /// The object, alive while the anchor is: its owner releases the anchor only as the owner itself goes.
    unowned(unsafe) let object: Object

    init(_ object: Object) { self.object = object }
}
