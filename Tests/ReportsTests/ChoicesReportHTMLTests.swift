import Foundation
import Probes
import Reports
import Runs
import Testing

/// The report of a run of the built-in `choices` suite: its forced-choice section, and no empty judged sections.
@Suite("Forced choices in the HTML report")
struct ChoicesReportHTMLTests {
    @Test("a run of choices only shows the choices (chart and tables) and the manifest, not empty judged sections")
    func choicesOnly() throws {
        let suite = try SuiteLoader.load(nameOrPath: "choices")
        let configuration = RunConfiguration(suite: "choices", models: ["local:smollm2"], seed: 1, judge: "fake-judge",
                                             scenariosPerValue: 1)
        let resolved = configuration.resolved(for: suite)
        let runID = RunIdentity.runID(configuration: resolved, suiteHash: SuiteHash.hash(of: suite))
        let plan = try ChoicePlanner.plan(suite: suite, configuration: resolved, runID: runID)
        #expect(plan.count == 12 * 2 * 6)
        let manifest = RunManifest(configuration: configuration, suite: suite,
                                   models: [ModelIdentity(spec: "local:smollm2", provider: "local", name: "smollm2")],
                                   plannedSamples: 0, plannedChoices: plan.count)
        let directory = try temporaryDirectory("choices-report")
        let store = try RunStore.open(directory: directory)
        try store.createOrOpenRun(manifest)
        // The model picks the first action of every choice with probability 0.7, whatever the order.
        for question in plan {
            try store.saveChoiceAnswer(ChoiceAnswer(question: question, status: .answered, probabilities: [0.7, 0.3],
                                                    answerMass: 0.5, latencyMilliseconds: 1), run: runID)
        }
        let input = try RunReportInput.load(source: RunStoreDataSource(directory: directory, runID: runID),
                                            options: fastOptions)
        let choices = try #require(input.summary.choices.first)
        #expect(choices.values.count == 12 && choices.items.count == 24)
        #expect(choices.orderEffect == 0 && choices.formConsistency == 1)
        let html = RunReportHTML.render(input)
        #expect(html.contains(#"<section id="choices""#) && html.contains("Risky choices per value"))
        #expect(html.contains(#"<section id="manifest""#))
        for section in ["headline", "judge", "values", "items", "transcripts"] {
            #expect(!html.contains(#"<section id="\#(section)""#), "\(section)")
        }
        #expect(html.contains("dignity-canopy-choice"))
    }
}
