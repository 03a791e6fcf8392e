/// A table of variables: the globals, or one function call's locals with the
/// scope the function was defined in as its parent.
public final class Scope {
    /// The variables, in the order they were first bound.
    @exclusivity(unchecked) var values: NameTable
    let parent: Scope?
    /// Names an exercise forbids here; inner scopes inherit the parent's.
    @exclusivity(unchecked) var restrictions: Restrictions?

    /// A scope inside `parent`; `capacity` reserves room for that many names, so that binding them does not regrow the table.
    init(parent: Scope?, capacity: Int = 0) {
        self.parent = parent
        values = NameTable(capacity: capacity)
        restrictions = parent?.restrictions
    }

    /// Looks a name up here, then in the enclosing scopes.
    func lookup(_ name: String) -> Value? {
        let hash = NameIndex.hash(name)
        var scope: Scope? = self
        while let current = scope {
            if let value = current.values.value(name, hash: hash) { return value }
            scope = current.parent
        }
        return nil
    }

    /// Every name visible from here, innermost first.
    var visibleNames: [String] {
        var names: [String] = []
        var scope: Scope? = self
        while let current = scope {
            names.append(contentsOf: current.values.names.sorted())
            scope = current.parent
        }
        return names
    }
}
