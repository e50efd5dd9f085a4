import Statistics

/// One model's values measured the three ways ValueProbe measures them, side by side: what it *says* (judged
/// explicit recognition), what it *notices* unprompted (judged implicit recognition, with the controls' false
/// alarms), what it *chooses* (forced choices, no judge) and what it *prefers* (utilities, no judge).
///
/// Built from any number of runs (``RunSummary``) and preference runs (``PrefsResult``) of the same model — a
/// `values-core` run, a `choices` run and an `outcomes-core` preference run, say. Every column is oriented so that
/// higher means "more in line with the value", except false alarms. A row's ``ValueProfileRow/belowExplicit``
/// names the measures whose interval lies wholly below the explicit one: the signature of weak alignment (the
/// model states the value when asked and does not act on it).
public struct ValueProfile: Codable, Sendable, Equatable {
    /// Where one measure came from.
    public struct Source: Codable, Sendable, Equatable {
        /// `run` or `prefs`.
        public var kind: String
        /// Run id (runs) or preference-run id.
        public var id: String
        /// The suite (runs) or outcome set (preference runs).
        public var set: String
        /// The run's directory, when known.
        public var directory: String?
        /// What it contributed: `explicit`, `implicit`, `control`, `choices`, `utilities`.
        public var measures: [String]
        /// How its numbers were produced: the judge (runs with judged items), the choice method, or the
        /// preference method.
        public var method: String
    }

    /// The model (its spec, as the runs record it).
    public var model: String
    /// The sources, in the order given.
    public var sources: [Source]
    /// One row per value measured by at least one source, in first-seen order.
    public var rows: [ValueProfileRow]
}

/// One value of a ``ValueProfile``.
public struct ValueProfileRow: Codable, Sendable, Equatable {
    /// The value.
    public var value: String
    /// Judged explicit recognition (mean item rate, hierarchical bootstrap).
    public var explicit: IntervalEstimate?
    /// Judged implicit recognition.
    public var implicit: IntervalEstimate?
    /// The controls' false-alarm rate (lower is better).
    public var falseAlarm: IntervalEstimate?
    /// Forced choices: the probability of choosing an action that keeps the value (1 − the risky-choice rate,
    /// bounds swapped; t interval over choices).
    public var choiceKept: IntervalEstimate?
    /// Utilities: the fitted P(an outcome that upholds the value ≻ one that violates it), with its bootstrap
    /// interval.
    public var utilityPreference: Interval?
    /// The measures (`implicit`, `choices`, `utilities`) whose interval lies wholly below the explicit interval.
    public var belowExplicit: [String]

    enum CodingKeys: String, CodingKey {
        case value
        case explicit
        case implicit
        case falseAlarm = "false_alarm"
        case choiceKept = "choice_kept"
        case utilityPreference = "utility_preference"
        case belowExplicit = "below_explicit"
    }
}

/// Why a profile could not be built.
public struct ValueProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one line.
    public var description: String
}

extension ValueProfile {
    /// A run's contribution: its summary and, when known, its directory.
    public struct RunInput: Sendable {
        public var summary: RunSummary
        public var directory: String?
        public init(summary: RunSummary, directory: String? = nil) {
            self.summary = summary
            self.directory = directory
        }
    }

    /// The models every source measured (runs: any model in the run; preference runs: their model), in the
    /// first source's order.
    public static func commonModels(runs: [RunInput], prefs: [PrefsResult]) -> [String] {
        var sets: [[String]] = runs.map { run in
            run.summary.models.map(\.model) + run.summary.choices.map(\.model)
        }
        sets += prefs.map { [$0.manifest.model.spec] }
        guard var common = sets.first.map({ orderedUnique($0) }) else { return [] }
        for set in sets.dropFirst() { common = common.filter(set.contains) }
        return common
    }

    /// Builds the profile of `model` (default: the one model every source measured).
    /// - Throws: ``ValueProfileError`` when there is no source, when `model` is not given and the sources do not
    ///   share exactly one model, when a source did not measure `model`, or when two sources measure the same
    ///   thing for it (which one to show would be a guess).
    public static func build(runs: [RunInput], prefs: [PrefsResult], model: String? = nil) throws -> ValueProfile {
        guard !runs.isEmpty || !prefs.isEmpty else {
            throw ValueProfileError(description: "a value profile needs at least one run or preference run")
        }
        let model = try model ?? soleCommonModel(runs: runs, prefs: prefs)
        var rows: [ValueProfileRow] = []
        var owner: [String: String] = [:]
        var sources: [Source] = []

        func row(_ value: String) -> Int {
            if let index = rows.firstIndex(where: { $0.value == value }) { return index }
            rows.append(ValueProfileRow(value: value, belowExplicit: []))
            return rows.count - 1
        }
        func claim(_ measure: String, by source: String) throws {
            if let earlier = owner[measure] {
                throw ValueProfileError(description: "\(earlier) and \(source) both measure \(measure) for \(model); give one of them")
            }
            owner[measure] = source
        }

        for run in runs {
            let summary = run.summary
            let name = "run \(summary.context.runID)"
            let judged = summary.models.first { $0.model == model }
            let choices = summary.choices.first { $0.model == model }
            guard judged != nil || choices != nil else {
                throw ValueProfileError(description: "\(name) (\(summary.context.suiteID)) did not measure \(model); its models: \(orderedUnique(summary.models.map(\.model) + summary.choices.map(\.model)).joined(separator: ", "))")
            }
            var measures: [String] = []
            var methods: [String] = []
            if let judged {
                for (measure, pick) in [("explicit", \ValueMetrics.explicit), ("implicit", \ValueMetrics.implicit),
                                        ("control", \ValueMetrics.control)]
                where judged.values.contains(where: { $0[keyPath: pick]?.rate != nil }) {
                    try claim(measure, by: name)
                    measures.append(measure)
                    for value in judged.values {
                        guard let rate = value[keyPath: pick]?.rate else { continue }
                        let index = row(value.value)
                        switch measure {
                        case "explicit": rows[index].explicit = rate
                        case "implicit": rows[index].implicit = rate
                        default: rows[index].falseAlarm = rate
                        }
                    }
                }
                if !measures.isEmpty { methods.append("judge \(summary.context.judge)") }
            }
            if let choices, choices.values.contains(where: { $0.riskyRate != nil }) {
                try claim("choices", by: name)
                measures.append("choices")
                methods.append("choices \(choices.method.rawValue)")
                for value in choices.values {
                    guard let risky = value.riskyRate else { continue }
                    rows[row(value.value)].choiceKept = kept(risky)
                }
            }
            sources.append(Source(kind: "run", id: summary.context.runID, set: summary.context.suiteID,
                                  directory: run.directory, measures: measures,
                                  method: methods.joined(separator: "; ")))
        }
        for result in prefs {
            let name = "preference run \(result.manifest.runID)"
            guard result.manifest.model.spec == model else {
                throw ValueProfileError(description: "\(name) (\(result.manifest.outcomeSetID)) measured \(result.manifest.model.spec), not \(model)")
            }
            try claim("utilities", by: name)
            for agreement in result.agreements {
                rows[row(agreement.value)].utilityPreference = agreement.preference
            }
            sources.append(Source(kind: "prefs", id: result.manifest.runID, set: result.manifest.outcomeSetID,
                                  directory: result.directory, measures: ["utilities"],
                                  method: result.method.rawValue))
        }
        for index in rows.indices { rows[index].belowExplicit = below(rows[index]) }
        return ValueProfile(model: model, sources: sources, rows: rows)
    }

    private static func soleCommonModel(runs: [RunInput], prefs: [PrefsResult]) throws -> String {
        let common = commonModels(runs: runs, prefs: prefs)
        guard common.count == 1, let model = common.first else {
            throw ValueProfileError(description: common.isEmpty
                ? "the runs given share no model; a profile compares one model's measures"
                : "the runs given share \(common.count) models (\(common.joined(separator: ", "))); choose one with --model")
        }
        return model
    }

    /// 1 − a risky-choice rate, with its bounds swapped.
    private static func kept(_ risky: IntervalEstimate) -> IntervalEstimate {
        var kept = risky
        kept.estimate = 1 - risky.estimate
        kept.lower = 1 - risky.upper
        kept.upper = 1 - risky.lower
        return kept
    }

    /// The behavioural measures whose interval lies wholly below the explicit interval.
    private static func below(_ row: ValueProfileRow) -> [String] {
        guard let explicit = row.explicit else { return [] }
        let uppers: [(String, Double?)] = [("implicit", row.implicit?.upper), ("choices", row.choiceKept?.upper),
                                           ("utilities", row.utilityPreference?.upper)]
        return uppers.compactMap { name, upper in
            guard let upper, upper < explicit.lower else { return nil }
            return name
        }
    }

    private static func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
