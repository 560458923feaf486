package io.stackbench.report.html;

/** The report's inline style sheet and the legend of the ladder diagrams, whose keys use the same colours. */
final class Stylesheet {

    private Stylesheet() {
    }

    static final String CSS = """
            :root { --pass: #15803d; --fail: #b91c1c; --ink: #1f2937; --muted: #6b7280; --rule: #e5e7eb; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #f8fafc; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            header.page { padding: 20px 32px 8px; }
            h1 { margin: 0 0 4px; font-size: 22px; }
            main { padding: 0 32px 40px; }
            .totals { margin: 0; color: var(--muted); }
            .count { font-weight: 600; }
            .count.pass { color: var(--pass); }
            .count.fail { color: var(--fail); }
            table { border-collapse: collapse; background: #fff; }
            th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            a { color: #1d4ed8; }
            table.summary { width: 100%; margin: 12px 0 28px; border: 1px solid var(--rule); }
            table.summary tr.fail td { background: #fef2f2; }
            .reason { color: var(--fail); font-size: 12px; margin-top: 2px; }
            .badge { display: inline-block; min-width: 40px; padding: 1px 6px; border-radius: 4px; color: #fff; font-size: 11px;
                     font-weight: 700; text-align: center; letter-spacing: .04em; vertical-align: 2px; }
            .badge.pass { background: var(--pass); }
            .badge.fail { background: var(--fail); }
            .tag { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 9px; background: #eef2ff; color: #3730a3;
                   font-size: 12px; }
            section.scenario { margin: 0 0 24px; padding: 16px 20px; background: #fff; border: 1px solid var(--rule); border-radius: 6px;
                               border-left: 5px solid var(--pass); }
            section.scenario.fail { border-left-color: var(--fail); }
            section.scenario h2 { margin: 0 0 2px; font-size: 18px; }
            section.scenario h3 { margin: 18px 0 6px; font-size: 15px; }
            .name { margin: 0 0 6px; font-weight: 600; color: #374151; }
            .description { margin: 0 0 8px; max-width: 900px; }
            dl.facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0; }
            dl.facts dt { display: inline; color: var(--muted); margin-right: 6px; }
            dl.facts dd { display: inline; margin: 0; }
            pre.failure { padding: 10px; background: #fef2f2; border: 1px solid #fecaca; white-space: pre-wrap; }
            table.checks { width: 100%; }
            table.checks tr.fail td { background: #fef2f2; }
            td.actual { white-space: pre-wrap; }
            .note { margin: 0 0 6px; color: var(--muted); font-size: 12px; }
            .diagram { overflow-x: auto; border: 1px solid var(--rule); border-radius: 4px; background: #fff; }
            ul.legend { display: flex; flex-wrap: wrap; gap: 2px 18px; margin: 0 0 6px; padding: 0; list-style: none; font-size: 12px; }
            ul.legend li::before { content: ""; display: inline-block; width: 28px; margin-right: 6px; vertical-align: middle;
                                   border-top: 2px solid var(--c); }
            ul.legend .lost::before { border-top-style: dashed; }
            ul.legend .flooded::before { border-top-style: dotted; }
            details.events { margin-top: 14px; }
            details.events summary { cursor: pointer; font-weight: 600; }
            table.events { width: 100%; margin-top: 6px; }
            .divergence { margin-top: 14px; }
            table.side-by-side { width: 100%; table-layout: fixed; }
            table.side-by-side td { white-space: pre-wrap; word-break: break-all; padding: 1px 10px; border-bottom: none; }
            table.side-by-side tr.differs td { background: #fee2e2; }
            table.side-by-side tr.differs td:first-child { box-shadow: inset 3px 0 var(--fail); }
            .pair { display: flex; flex-wrap: wrap; gap: 16px; }
            figure.context { margin: 12px 0 0; flex: 1 1 520px; min-width: 0; }
            figure.context figcaption { font-weight: 600; margin-bottom: 4px; }
            figure.context svg.ladder { max-width: 100%; height: auto; }
            .unicast { --c: #334155; }
            .broadcast { --c: #2563eb; }
            .multicast { --c: #0d9488; }
            .flooded { --c: #c2410c; }
            .lost { --c: #dc2626; }
            svg.ladder { display: block; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            svg.ladder .node { font-size: 14px; font-weight: 700; text-anchor: middle; fill: var(--ink); }
            svg.ladder .node-detail { font-size: 11px; text-anchor: middle; fill: var(--muted); }
            svg.ladder .lifeline { stroke: #cbd5e1; stroke-width: 2; }
            svg.ladder .when { font: 11px ui-monospace, "DejaVu Sans Mono", monospace; fill: var(--muted); white-space: pre; }
            svg.ladder .frame line, svg.ladder .frame path { stroke: var(--c); stroke-width: 1.6; }
            svg.ladder .frame .head { fill: var(--c); }
            svg.ladder .frame.flooded line { stroke-dasharray: 2 3; }
            svg.ladder .frame.lost line { stroke-dasharray: 6 4; }
            svg.ladder .frame .cross { stroke-width: 2.5; }
            svg.ladder .frame .label { text-anchor: middle; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 4px;
                                       stroke-linejoin: round; }
            svg.ladder .frame.lost .label { fill: var(--fail); }
            svg.ladder .frame .mark { fill: #fef3c7; }
            svg.ladder .frame:hover .label { font-weight: 700; }
            svg.ladder .fold-band { fill: #f1f5f9; stroke: #94a3b8; stroke-dasharray: 4 3; }
            svg.ladder .fold-text { text-anchor: middle; fill: #475569; font-style: italic; }
            """;

    static final String LEGEND = """
            <ul class="legend"><li class="unicast">unicast</li><li class="broadcast">broadcast (arrowhead at every receiver)</li>\
            <li class="multicast">multicast</li><li class="flooded">flooded: no node owns the destination MAC</li>\
            <li class="lost">lost on the link (✕)</li></ul>
            """;
}
