// The security posture: what the internet can reach, every security group rule, and each IAM role with whom it
// trusts and what it may do.
import { StackModel } from "../model/stackModel";
import { exposure, firewallRules } from "./firewallView";
import { iamRoles } from "./iamView";
import { cell, code } from "./markdownText";
import type { PlanSection } from "./sections";
import { table } from "./terminal";

export const postureSection: PlanSection = {
    title: "Security posture",
    terminal(stack: StackModel): string[] {
        const rules = firewallRules(stack).map((rule) => [
            rule.direction,
            rule.group,
            rule.ports,
            rule.direction === "inbound" ? `from ${rule.peer}` : `to ${rule.peer}`,
            rule.description,
        ]);
        const roles = iamRoles(stack).flatMap((role) => [
            `    ${role.name}  (path ${role.path}${role.permissionsBoundary === undefined ? "" : `, boundary ${role.permissionsBoundary}`})`,
            ...role.trustedBy.map((statement) => `      trusted: ${statement}`),
            ...role.inlinePolicies.flatMap((policy) =>
                policy.statements.map((s) => `      inline policy ${policy.name}: ${s}`),
            ),
            ...(role.inlinePolicies.length === 0 ? ["      inline policies: none"] : []),
            `      managed policies: ${role.managedPolicies.join(", ") || "none"}`,
        ]);
        return [
            "  Public exposure",
            ...exposure(stack).map((line) => `    ${line}`),
            "  Security group rules (every rule the program declares)",
            ...table(rules, "    "),
            "  IAM roles and the policies attached to them",
            ...roles,
        ];
    },
    markdown(stack: StackModel): string[] {
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
            ...exposure(stack).map((line) => `- ${line}`),
            "",
            "| Direction | Security group | Ports | Peer | Description |",
            "| --- | --- | --- | --- | --- |",
            ...rules,
            "",
            "IAM roles and the policies attached to them:",
            "",
            ...roles,
        ];
    },
};
