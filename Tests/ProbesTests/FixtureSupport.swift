import Foundation
@testable import Probes

/// A small valid suite; the error tests break it one way at a time.
let baseFixture = """
id: t
title: T
version: "1"
description: d
source: s
require_twins: true
families:
  - id: fam
    value: dignity
    synonyms: [dignified]
    items:
      - id: e1
        mode: explicit
        prompt: What is dignity?
      - id: i1
        mode: implicit
        pair_id: e1
        prompt: Hold the pole all night.
      - id: c1
        mode: control
        pair_id: i1
        prompt: Hold the broom all night.

"""

/// 1-based line and column (in Unicode scalars) of the `occurrence`-th match of `needle`, plus `offset` columns.
func locate(_ needle: String, in text: String, occurrence: Int = 1, offset: Int = 0) -> (line: Int, column: Int)? {
    var seen = 0
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        var searchStart = line.startIndex
        while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
            seen += 1
            if seen == occurrence {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex,
                                                          to: range.lowerBound.samePosition(in: line.unicodeScalars)!)
                return (index + 1, column + 1 + offset)
            }
            searchStart = range.upperBound
        }
    }
    return nil
}

/// Writes `text` to a fresh temporary `.yaml` file and returns its URL.
func writeTemporarySuite(_ text: String, name: String = "suite") throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("probes-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("\(name).yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// Replaces exactly one occurrence of `old` (which must occur) in `text`.
func replacing(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.range(of: old) else { return "<<fixture marker '\(old)' not found>>" }
    return text.replacingCharacters(in: range, with: new)
}

/// A seeded 64-bit linear congruential generator, so fuzz inputs are the same on every run.
struct SeededLCG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
