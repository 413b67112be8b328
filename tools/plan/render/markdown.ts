// The plan as Markdown for a pull-request comment: what it is, the changes (with --diff), the diagram, the
// security posture, and the resources, outputs and configuration folded away.
import { PlanDiff } from "../diff/diff";
import { highlights } from "./highlights";
import { iamRoles } from "./iamView";
import { renderMermaid } from "./mermaid";
import { StackModel } from "../model/stackModel";
import { diffLines, summary } from "./diffText";
import { countSummary, imageTagNote, typeCounts } from "./terminal";
import { resourceTypes as t, shortType } from "../../resourceTypes";
import { exposure, firewallRules } from "./firewallView";
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
        ...postureSection(stack),
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

function postureSection(stack: StackModel): string[] {
    const rules = firewallRules(stack).map(
        (rule) =>
            `| ${rule.direction} | \`${rule.group}\` | ${rule.ports} | ${cell(rule.peer)} | ${cell(rule.description)} |`,
    );
    const roles = iamRoles(stack).flatMap((role) => [
        `- \`${role.name}\` (path \`${role.path}\`${role.permissionsBoundary === undefined ? "" : `, boundary \`${role.permissionsBoundary}\``})`,
        ...role.trustedBy.map((statement) => `  - trusted: ${code(statement)}`),
        ...role.inlinePolicies.flatMap((policy) =>
            policy.statements.map((s) => `  - inline policy \`${policy.name}\`: ${code(s)}`),
        ),
        ...(role.inlinePolicies.length === 0 ? ["  - inline policies: none"] : []),
        `  - managed policies: ${role.managedPolicies.map(code).join(", ") || "none"}`,
    ]);
    return [
        "#### Security posture",
        "",
        ...exposure(stack).map((line) => `- ${line}`),
        "",
        "| Direction | Security group | Ports | Peer | Description |",
        "| --- | --- | --- | --- | --- |",
        ...rules,
        "",
        "IAM roles and the policies attached to them:",
        "",
        ...roles,
        "",
    ];
}

function folded(summaryText: string, body: string[]): string[] {
    return [`<details><summary>${summaryText}</summary>`, "", ...body, "", "</details>", ""];
}

function code(text: string): string {
    return `\`${text.replace(/`/g, "'")}\``;
}

/** A value for a table cell: pipes escaped so they do not end the cell. */
function cell(value: unknown): string {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text === "" ? '""' : text.replace(/\|/g, "\\|");
}
