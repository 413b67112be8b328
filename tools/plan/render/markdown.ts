// The plan as Markdown for a pull-request comment: what it is, the changes (with --diff), the diagram, the
// security posture, and the resources, outputs and configuration folded away.
import { PlanDiff } from "../diff/diff";
import { highlights } from "./highlights";
import { renderMermaid } from "./mermaid";
import { StackModel } from "../model/stackModel";
import { diffLines, summary } from "./diffText";
import { countSummary, imageTagNote, typeCounts } from "./terminal";
import { resourceTypes as t, shortType } from "../../resourceTypes";
import { planSections } from "./sections";
import { cell, code } from "./markdownText";
import { planDisclaimer, readText } from "../model/snapshot";

export function renderMarkdown(stack: StackModel, comparison?: { diff: PlanDiff; baseLabel: string }): string {
    const { snapshot } = stack;
    const region = snapshot.config["aws:region"] ?? "us-east-1";
    const lines = [
        `### Offline plan of \`${snapshot.stack}\``,
        "",
        `> ${planDisclaimer}`,
        ">",
        `> ${imageTagNote(snapshot)}`,
        "",
        `**${countSummary(stack)}**, region \`${region}\`. The program reads: ` +
            `${snapshot.reads.map((read) => code(readText(read))).join(", ") || "nothing"}.`,
        "",
    ];
    if (comparison !== undefined) {
        const { diff, baseLabel } = comparison;
        lines.push(
            `#### Changes against \`${baseLabel}\`: ${diff.changed ? summary(diff) : "none"}`,
            "",
            "~~~~text",
            ...diffLines(diff, baseLabel),
            "~~~~",
            "",
        );
    }
    lines.push(
        "#### Architecture",
        "",
        "```mermaid",
        renderMermaid(stack).trimEnd(),
        "```",
        "",
        ...planSections.flatMap((section) => [`#### ${section.title}`, "", ...section.markdown(stack), ""]),
    );
    lines.push(
        ...folded(`Resources: ${stack.resources.length}, by type`, [
            typeCounts(stack)
                .map(([type, count]) => `${count} × \`${type}\``)
                .join(", "),
        ]),
        ...folded("Resources by parent, with the properties reviewers check", resourceList(stack, null, "")),
        ...folded("Stack outputs and configuration", [
            "| Output | Value |",
            "| --- | --- |",
            ...Object.entries(snapshot.outputs).map(([key, value]) => `| \`${key}\` | ${cell(value)} |`),
            "",
            "| Configuration key | Value |",
            "| --- | --- |",
            ...Object.entries(snapshot.config).map(([key, value]) => `| \`${key}\` | ${cell(value)} |`),
        ]),
    );
    return `${lines.join("\n")}\n`;
}

/** Types whose properties the security posture already shows in full. */
const shownInPosture: ReadonlySet<string> = new Set([t.ingressRule, t.egressRule, t.role, t.rolePolicy]);

function resourceList(stack: StackModel, parent: string | null, indent: string): string[] {
    return stack.children(parent).flatMap((resource) => {
        const facts = shownInPosture.has(resource.type) ? ["see the security posture"] : highlights(resource, stack);
        return [
            `${indent}- \`${resource.name}\` ${shortType(resource.type)}${facts.length === 0 ? "" : `: ${facts.join("; ")}`}`,
            ...resourceList(stack, resource.urn, `${indent}  `),
        ];
    });
}

function folded(summaryText: string, body: string[]): string[] {
    return [`<details><summary>${summaryText}</summary>`, "", ...body, "", "</details>", ""];
}
