/// The style sheet inlined into every report page: readable on a phone (one column, tables scroll sideways,
/// charts scale to the width), on a desktop, and printed (no controls, exact chart colours, no split rows).
enum ReportStyle {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #d9d9d9; --paper: #ffffff; --band: #f5f6f8; --accent: #0b5394; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: var(--paper); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        header.page, main { max-width: 1120px; margin: 0 auto; padding: 0 16px; }
        header.page { padding-top: 20px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.3rem; margin: 32px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 20px 0 6px; }
        p.lead, .muted { color: var(--muted); }
        nav.toc { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 10px 0 12px; font-size: 0.92rem; }
        nav.toc a { color: var(--accent); text-decoration: none; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
        figure { margin: 12px 0 18px; }
        figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 4px; }
        svg.chart { display: block; width: 100%; max-width: 760px; height: auto; }
        td svg.chart { display: inline-block; width: auto; max-width: none; vertical-align: middle; }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0 16px; }
        table { border-collapse: collapse; font-size: 0.9rem; min-width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; }
        table.items td:first-child code, table.items td:nth-child(4) { white-space: nowrap; overflow-wrap: normal; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.8rem; border: 1px solid currentColor; white-space: nowrap; }
        .badge.recognised, .badge.stable_recognise { color: #00694d; }
        .badge.missed, .badge.stable_miss { color: #a34400; }
        .badge.unstable { color: #6b3a8c; }
        .badge.unparseable, .badge.refused, .badge.error, .badge.pending { color: var(--muted); }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85rem; margin: 4px 0; }
        .legend .key { display: inline-block; width: 11px; height: 11px; margin-right: 4px; vertical-align: -1px; border: 1px solid #888; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; margin: 10px 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--band); }
        .card .big { font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
        .card .label { font-size: 0.85rem; color: var(--muted); }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; margin: 8px 0 12px; padding: 8px 10px; background: var(--band); border-radius: 6px; }
        form.filters label { display: flex; flex-direction: column; font-size: 0.82rem; color: var(--muted); }
        form.filters select, form.filters input { font: inherit; font-size: 0.92rem; padding: 3px 4px; min-width: 9em; }
        article.transcript { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; padding: 8px 12px; break-inside: avoid; }
        article.transcript header { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.85rem; color: var(--muted); }
        article.transcript h4 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 8px 0 2px; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-size: 0.92rem; }
        .response { background: var(--band); padding: 6px 8px; border-radius: 4px; }
        dl.manifest { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 0.92rem; }
        dl.manifest dt { font-weight: 600; }
        dl.manifest dd { margin: 0; overflow-wrap: anywhere; }
        ul.warnings li { color: #8a4b00; }
        [hidden] { display: none !important; }
        @media (max-width: 560px) {
            body { font-size: 14px; }
            h1 { font-size: 1.3rem; }
            dl.manifest { grid-template-columns: 1fr; }
            dl.manifest dd { margin-bottom: 6px; }
            figure { overflow-x: auto; -webkit-overflow-scrolling: touch; }
            figure svg.chart { min-width: 440px; }
        }
        @media print {
            * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { font-size: 10pt; }
            header.page, main { max-width: none; padding: 0; }
            nav.toc, form.filters, .no-print { display: none !important; }
            h2 { break-before: auto; break-after: avoid; }
            h3, figure { break-after: avoid; break-inside: avoid; }
            .table-wrap { overflow: visible; }
            a { color: inherit; text-decoration: none; }
        }
        """
}
