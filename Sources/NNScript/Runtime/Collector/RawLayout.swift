/// How values and arrays are laid out in memory, found by probing at first use: the collector reads a
/// tracked object's arrays and the values in them through raw memory, so that it learns an array's retain
/// count without holding a reference of its own (which would make every array look shared).
///
/// Probed, not assumed: when a probe does not find the expected layout, ``calibrated`` is nil and the
/// collector does not look inside arrays at all (it then frees fewer cycles, never a live object).
struct RawLayout {
    /// The byte of a value (or optional value) that tells its case.
    let tagOffset: Int
    /// The tags of the cases whose payload is one reference in the payload's first word.
    let tupleTag: UInt8, listTag: UInt8, dictTag: UInt8, functionTag: UInt8, objectTag: UInt8
    /// Where an array's storage keeps its count, and where its elements start.
    let countOffset: Int, elementsOffset: Int
    /// The stride of a value, and where a name table's entry keeps its value.
    let valueStride: Int, entryStride: Int, entryValueOffset: Int
    /// Where a name table keeps its entries.
    let tableEntriesOffset: Int
    /// The type metadata (the first word of an object) of the classes a `.object` value may hold that are tracked.
    let instanceType: UnsafeRawPointer, classType: UnsafeRawPointer, setType: UnsafeRawPointer
    /// The type metadata of the untracked classes that hold values (a set's table is an untracked dict).
    let boundMethodType: UnsafeRawPointer, superProxyType: UnsafeRawPointer, dictViewType: UnsafeRawPointer, dictType: UnsafeRawPointer

    /// The layout of this build, or nil when the probes disagree with what the collector reads.
    nonisolated(unsafe) static let calibrated: RawLayout? = probe()

    private static func probe() -> RawLayout? {
        let size = MemoryLayout<Value>.size
        guard MemoryLayout<Value?>.size == size, MemoryLayout<Value?>.stride == MemoryLayout<Value>.stride,
              let entryValueOffset = MemoryLayout<NameTable.Entry>.offset(of: \NameTable.Entry.value),
              let tableEntriesOffset = MemoryLayout<NameTable>.offset(of: \NameTable.entries) else { return nil }
        var table = NameTable()
        table["probe"] = .integer(17)
        let tableEntries = withUnsafePointer(to: &table) { UnsafeRawPointer($0).load(fromByteOffset: tableEntriesOffset, as: UnsafeRawPointer.self) }
        guard tableEntries == unsafeBitCast(table.entries, to: UnsafeRawPointer.self) else { return nil }
        let tagOffset = size - 1
        // The storage of an array of three values: its count and its first element.
        let items: [Value] = [.integer(11), .none, .integer(13)]
        let storage = unsafeBitCast(items, to: UnsafeRawPointer.self)
        let elementsOffset = items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) - storage }
        let countOffset = 2 * MemoryLayout<Int>.size
        guard storage.load(fromByteOffset: countOffset, as: Int.self) == 3,
              storage.load(fromByteOffset: elementsOffset + MemoryLayout<Value>.stride * 2, as: Int.self) == 13 else { return nil }

        let list = ListStorage([]), dict = DictStorage(), set = SetObject()
        let function = Function(FunctionTemplate(name: "probe", parameters: [], body: .statements([]), locals: [], docstring: nil),
                                defaults: [], closure: Scope.make(parent: nil), source: nil)
        let cls = ScriptClass(name: "Probe", base: nil, attributes: [], docstring: nil)
        let instance = Instance(of: cls, serial: 0, probing: ())
        // Each case whose payload is a reference: the reference must be the first word, and its tag its own.
        func tag(of value: Value?, reference: AnyObject?) -> UInt8? {
            let slot = UnsafeMutablePointer<Value?>.allocate(capacity: 1)
            slot.initialize(to: value)
            defer { slot.deinitialize(count: 1); slot.deallocate() }
            let raw = UnsafeRawPointer(slot)
            if let reference, raw.load(as: UnsafeRawPointer.self) != UnsafeRawPointer(Unmanaged.passUnretained(reference).toOpaque()) {
                return nil
            }
            if let value, case .tuple(let payload) = value, raw.load(as: UnsafeRawPointer.self) != unsafeBitCast(payload, to: UnsafeRawPointer.self) {
                return nil
            }
            return raw.load(fromByteOffset: tagOffset, as: UInt8.self)
        }
        guard let tupleTag = tag(of: .tuple(items), reference: nil), let listTag = tag(of: .list(list), reference: list),
              let dictTag = tag(of: .dict(dict), reference: dict), let functionTag = tag(of: .function(function), reference: function),
              let objectTag = tag(of: .object(instance), reference: instance),
              let noneTag = tag(of: Value.none, reference: nil), let nilTag = tag(of: nil, reference: nil),
              let integerTag = tag(of: .integer(Int(bitPattern: storage)), reference: nil),
              let numberTag = tag(of: .number(1.5), reference: nil), let boolTag = tag(of: .bool(true), reference: nil),
              let stringTag = tag(of: .string("probe"), reference: nil),
              let builtinTag = tag(of: .builtin(Builtin("probe", Signature(""), doc: "") { _, _ in .none }), reference: nil)
        else { return nil }
        let tags = [tupleTag, listTag, dictTag, functionTag, objectTag, noneTag, nilTag, integerTag, numberTag, boolTag, stringTag, builtinTag]
        guard Set(tags).count == tags.count else { return nil }

        func metadata(_ object: AnyObject) -> UnsafeRawPointer {
            UnsafeRawPointer(Unmanaged.passUnretained(object).toOpaque()).load(as: UnsafeRawPointer.self)
        }
        let instanceType = metadata(instance), classType = metadata(cls), setType = metadata(set)
        let boundMethodType = metadata(BoundMethod(receiver: .object(instance), function: .function(function)))
        let superProxyType = metadata(SuperProxy(after: cls, receiver: .object(instance)))
        let dictViewType = metadata(DictView(dict, .keys)), dictType = metadata(dict)
        let types = [instanceType, classType, setType, boundMethodType, superProxyType, dictViewType, dictType]
        guard Set(types).count == types.count, metadata(Instance(of: cls, serial: 1, probing: ())) == instanceType else { return nil }
        return RawLayout(tagOffset: tagOffset, tupleTag: tupleTag, listTag: listTag, dictTag: dictTag, functionTag: functionTag,
                         objectTag: objectTag, countOffset: countOffset, elementsOffset: elementsOffset,
                         valueStride: MemoryLayout<Value>.stride, entryStride: MemoryLayout<NameTable.Entry>.stride,
                         entryValueOffset: entryValueOffset, tableEntriesOffset: tableEntriesOffset, instanceType: instanceType, classType: classType, setType: setType,
                         boundMethodType: boundMethodType, superProxyType: superProxyType, dictViewType: dictViewType, dictType: dictType)
    }
}

/// The runtime's count of strong references to an object (one for an object held once).
@_silgen_name("swift_retainCount")
func strongRetainCount(_ object: UnsafeMutableRawPointer) -> Int

/// The storage of an array, read from where the array is kept: no reference is taken.
@inline(__always)
func arrayStorage<Element>(at array: UnsafeMutablePointer<[Element]>) -> UnsafeRawPointer {
    UnsafeRawPointer(array).load(as: UnsafeRawPointer.self)
}
