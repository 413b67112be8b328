// The plan as Markdown. Alone: what it is, the diagram, the plan's sections (security posture, cost estimate), and
// the resources, outputs and configuration folded away. With --diff it is one stack's part of the pull-request
// comment, which says once what the plan is: the change in cost, what changes in public exposure and IAM, the changed
// resources, a line per check (a check that found something shown whole), and the unchanged cost table and security
// posture folded into <details>. The full plan (diagram, resources, every section) is written beside it.
import { Comparison } from "../diff/comparison";
import { highlights } from "./highlights";
import { renderMermaid } from "./mermaid";
import { StackModel } from "../model/stackModel";
import { diffLines, summary } from "./diffText";
import { countSummary, imageTagNote, typeCounts } from "./terminal";
import { resourceTypes as t, shortType } from "../../resourceTypes";
import { planSections } from "./sections";
import { cell, code } from "./markdownText";
import { planDisclaimer, readText } from "../model/snapshot";
import { totalChange } from "../cost/costDiff";
import { range, dollars } from "../cost/money";
import { costSection, costTable } from "./costSection";
import { postureSection } from "./posture";

export function renderMarkdown(stack: StackModel, comparison?: Comparison): string {
    return `${(comparison === undefined ? fullPlan(stack) : review(stack, comparison)).join("\n")}\n`;
}

function fullPlan(stack: StackModel): string[] {
    const { snapshot } = stack;
    return [
        `### Offline plan of \`${snapshot.stack}\``,
        "",
        `> ${planDisclaimer}`,
        ">",
        `> ${imageTagNote(snapshot)}`,
        "",
        `**${countSummary(stack)}**, region \`${region(stack)}\`. The program reads: ` +
            `${snapshot.reads.map((read) => code(readText(read))).join(", ") || "nothing"}.`,
        "",
        "#### Architecture",
        "",
        ...diagram(stack),
        "",
        ...planSections.flatMap((section) => [`#### ${section.title}`, "", ...section.markdown(stack), ""]),
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
    ];
}

/** One stack's part of the review comment: what changed first, the rest folded. */
function review(stack: StackModel, comparison: Comparison): string[] {
    const { diff, baseLabel, cost } = comparison;
    const name = stack.snapshot.stack;
    const changed = diff.changed ? summary(diff) : "no change";
    const lines = [`### \`${name}\` against ${code(baseLabel)}: ${changed}`, "", `**${totalChange(cost)}**`];
    lines.push(...cost.lines.map((line) => `- ${line.text}`), "");
    if (comparison.callouts.length === 0) {
        lines.push("**Public exposure and IAM: no change.**", "");
    } else {
        lines.push(
            "**Public exposure and IAM change:**",
            "",
            ...comparison.callouts.map((c) => `- ⚠️ **${c.kind === "public" ? "Public" : "IAM"}**: ${cell(c.text)}`),
            "",
        );
    }
    if (diff.changed) {
        lines.push("~~~~text", ...diffLines(diff, baseLabel), "~~~~", "");
    }
    // The checks say in a line each what they found; one that found something is shown whole.
    const checks = planSections.flatMap((section) => {
        const verdict = section.verdict?.(stack);
        return verdict === undefined ? [] : [{ section, verdict }];
    });
    lines.push(
        ...checks.map(
            ({ section, verdict }) => `- ${verdict.ok ? "✅" : "❌"} ${section.title}: ${cell(verdict.text)}`,
        ),
    );
    lines.push("");
    for (const { section } of checks.filter((check) => !check.verdict.ok)) {
        lines.push(`#### ${section.title}`, "", ...section.markdown(stack), "");
    }
    // The unchanged context a reviewer of money and exposure opens; the rest (the diagram, the resources, the
    // deployment timeline...) is in the full plan beside the comment.
    const estimate = stack.snapshot.cost;
    return [
        ...lines,
        ...(estimate === undefined
            ? []
            : folded(`${costSection.title}: ${range(estimate.total, dollars)}`, costTable(estimate))),
        ...folded(postureSection.title, postureSection.markdown(stack)),
    ];
}

function region(stack: StackModel): string {
    return stack.snapshot.config["aws:region"] ?? "us-east-1";
}

function diagram(stack: StackModel): string[] {
    return ["```mermaid", renderMermaid(stack).trimEnd(), "```"];
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
