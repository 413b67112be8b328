// The "Policy pack" section: what the pack in policy/ says of the planned stack, as `pulumi preview --policy-pack
// policy` would report it; each violation with its policy, enforcement level, resource and message.
import type { PolicyReport, PolicyViolation } from "../policy/judge";
import { StackModel } from "../model/stackModel";
import { cell, code } from "./markdownText";
import type { PlanSection } from "./sections";
import { table } from "./terminal";

/** "fargate-service 1.0.0: 10 policies on (9 mandatory, 1 advisory), 20 off", or why there is nothing to say. */
export function packSummary(report: PolicyReport | undefined): string {
    if (report === undefined) {
        return "not run (a plan read back from a snapshot)";
    }
    const count = (level: string) => report.policies.filter((policy) => policy.level === level).length;
    const on = report.policies.length - count("disabled");
    return (
        `${report.pack} ${report.version}: ${on} policies on (${count("mandatory")} mandatory, ` +
        `${count("advisory")} advisory), ${count("disabled")} off`
    );
}

export function mandatoryViolations(report: PolicyReport | undefined): PolicyViolation[] {
    return (report?.violations ?? []).filter((violation) => violation.level === "mandatory");
}

function resourceText(violation: PolicyViolation): string {
    return violation.resource === undefined ? "the stack" : `${violation.resource.name} (${violation.resource.type})`;
}

/** One line per violation, mandatory ones first, for the terminal and for stderr. */
export function violationLines(violations: readonly PolicyViolation[]): string[] {
    const ordered = [...violations].sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1));
    return ordered.map((v) => `${v.level}  ${v.policy}  ${resourceText(v)}: ${v.message.replace(/\s+/g, " ")}`);
}

export const policySection: PlanSection = {
    title: "Policy pack",
    verdict(stack: StackModel) {
        const violations = stack.policy?.violations ?? [];
        return {
            text:
                violations.length === 0
                    ? `${packSummary(stack.policy)}; no violations`
                    : `${packSummary(stack.policy)}; ${violations.length} violation(s)`,
            ok: violations.length === 0,
        };
    },
    terminal(stack: StackModel): string[] {
        const violations = stack.policy?.violations ?? [];
        const rows = [...violations]
            .sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1))
            .map((v) => [v.level, v.policy, resourceText(v), v.message.replace(/\s+/g, " ")]);
        return [
            `  ${packSummary(stack.policy)}`,
            ...(stack.policy === undefined ? [] : rows.length === 0 ? ["  no violations"] : table(rows, "  ")),
        ];
    },
    markdown(stack: StackModel): string[] {
        const violations = stack.policy?.violations ?? [];
        const mandatory = mandatoryViolations(stack.policy).length;
        return [
            `${code(packSummary(stack.policy))}, run over the planned resources as ${code("pulumi preview --policy-pack policy")} would run it.`,
            "",
            ...(violations.length === 0
                ? ["No violations."]
                : [
                      mandatory > 0
                          ? `**${mandatory} mandatory violation(s): \`pulumi preview\` and \`pulumi up\` refuse this stack.**`
                          : "Advisory only: previews and deploys go ahead with these warnings.",
                      "",
                      "| Level | Policy | Resource | Message |",
                      "| --- | --- | --- | --- |",
                      ...violations.map(
                          (v) =>
                              `| ${v.level} | \`${v.policy}\` | ${cell(resourceText(v))} | ${cell(v.message.replace(/\s+/g, " "))} |`,
                      ),
                  ]),
        ];
    },
};
