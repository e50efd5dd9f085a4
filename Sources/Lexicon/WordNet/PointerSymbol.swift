/// The relation a WordNet pointer stands for, with the symbols of the database files (wninput(5WN)).
public enum PointerSymbol: String, CaseIterable, Sendable, Codable, Hashable {
    case antonym = "!"
    case hypernym = "@"
    case instanceHypernym = "@i"
    case hyponym = "~"
    case instanceHyponym = "~i"
    case memberHolonym = "#m"
    case substanceHolonym = "#s"
    case partHolonym = "#p"
    case memberMeronym = "%m"
    case substanceMeronym = "%s"
    case partMeronym = "%p"
    case attribute = "="
    case derivationallyRelated = "+"
    case topicDomain = ";c"
    case topicDomainMember = "-c"
    case regionDomain = ";r"
    case regionDomainMember = "-r"
    case usageDomain = ";u"
    case usageDomainMember = "-u"
    case entailment = "*"
    case cause = ">"
    case alsoSee = "^"
    case verbGroup = "$"
    case similarTo = "&"
    case participle = "<"
    /// Pertainym for adjectives ("pertains to noun"); for adverbs, "derived from adjective".
    case pertainym = "\\"

    /// A readable name ("hypernym", "derivationally related form" …).
    public var name: String {
        switch self {
        case .antonym: "antonym"
        case .hypernym: "hypernym"
        case .instanceHypernym: "instance hypernym"
        case .hyponym: "hyponym"
        case .instanceHyponym: "instance hyponym"
        case .memberHolonym: "member holonym"
        case .substanceHolonym: "substance holonym"
        case .partHolonym: "part holonym"
        case .memberMeronym: "member meronym"
        case .substanceMeronym: "substance meronym"
        case .partMeronym: "part meronym"
        case .attribute: "attribute"
        case .derivationallyRelated: "derivationally related form"
        case .topicDomain: "topic domain"
        case .topicDomainMember: "topic domain member"
        case .regionDomain: "region domain"
        case .regionDomainMember: "region domain member"
        case .usageDomain: "usage domain"
        case .usageDomainMember: "usage domain member"
        case .entailment: "entailment"
        case .cause: "cause"
        case .alsoSee: "also see"
        case .verbGroup: "verb group"
        case .similarTo: "similar to"
        case .participle: "participle"
        case .pertainym: "pertainym"
        }
    }

    /// Compact code used in storage (the case's position in ``allCases``).
    var code: UInt8 {
        switch self {
        case .antonym: 0
        case .hypernym: 1
        case .instanceHypernym: 2
        case .hyponym: 3
        case .instanceHyponym: 4
        case .memberHolonym: 5
        case .substanceHolonym: 6
        case .partHolonym: 7
        case .memberMeronym: 8
        case .substanceMeronym: 9
        case .partMeronym: 10
        case .attribute: 11
        case .derivationallyRelated: 12
        case .topicDomain: 13
        case .topicDomainMember: 14
        case .regionDomain: 15
        case .regionDomainMember: 16
        case .usageDomain: 17
        case .usageDomainMember: 18
        case .entailment: 19
        case .cause: 20
        case .alsoSee: 21
        case .verbGroup: 22
        case .similarTo: 23
        case .participle: 24
        case .pertainym: 25
        }
    }
    init(code: UInt8) { self = PointerSymbol.allCases[Int(code)] }

    /// Parses a symbol from the bytes of a data or index line.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return nil }
        if bytes.count == 1 {
            switch first {
            case UInt8(ascii: "!"): self = .antonym
            case UInt8(ascii: "@"): self = .hypernym
            case UInt8(ascii: "~"): self = .hyponym
            case UInt8(ascii: "="): self = .attribute
            case UInt8(ascii: "+"): self = .derivationallyRelated
            case UInt8(ascii: "*"): self = .entailment
            case UInt8(ascii: ">"): self = .cause
            case UInt8(ascii: "^"): self = .alsoSee
            case UInt8(ascii: "$"): self = .verbGroup
            case UInt8(ascii: "&"): self = .similarTo
            case UInt8(ascii: "<"): self = .participle
            case UInt8(ascii: "\\"): self = .pertainym
            default: return nil
            }
            return
        }
        guard bytes.count == 2 else { return nil }
        switch (first, bytes[1]) {
        case (UInt8(ascii: "@"), UInt8(ascii: "i")): self = .instanceHypernym
        case (UInt8(ascii: "~"), UInt8(ascii: "i")): self = .instanceHyponym
        case (UInt8(ascii: "#"), UInt8(ascii: "m")): self = .memberHolonym
        case (UInt8(ascii: "#"), UInt8(ascii: "s")): self = .substanceHolonym
        case (UInt8(ascii: "#"), UInt8(ascii: "p")): self = .partHolonym
        case (UInt8(ascii: "%"), UInt8(ascii: "m")): self = .memberMeronym
        case (UInt8(ascii: "%"), UInt8(ascii: "s")): self = .substanceMeronym
        case (UInt8(ascii: "%"), UInt8(ascii: "p")): self = .partMeronym
        case (UInt8(ascii: ";"), UInt8(ascii: "c")): self = .topicDomain
        case (UInt8(ascii: "-"), UInt8(ascii: "c")): self = .topicDomainMember
        case (UInt8(ascii: ";"), UInt8(ascii: "r")): self = .regionDomain
        case (UInt8(ascii: "-"), UInt8(ascii: "r")): self = .regionDomainMember
        case (UInt8(ascii: ";"), UInt8(ascii: "u")): self = .usageDomain
        case (UInt8(ascii: "-"), UInt8(ascii: "u")): self = .usageDomainMember
        default: return nil
        }
    }
}
