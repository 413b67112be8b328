// What AWS would refuse of the stack's inputs, checked against AWS's own API models and documentation
// (tools/checks/awsApi/), so that a reviewer sees it before `pulumi up` fails on it.
import { awsApiReport, reportLines } from "../../checks/awsApi/stackReport";
import { StackModel } from "../model/stackModel";
import { code } from "./markdownText";
import type { PlanSection } from "./sections";

export const awsApiSection: PlanSection = {
    title: "AWS API rules",
    verdict(stack: StackModel) {
        const report = awsApiReport(stack.snapshot);
        const [first] = reportLines(report);
        return { text: first ?? "not run", ok: (report?.refusals.length ?? 0) === 0 };
    },
    terminal(stack: StackModel): string[] {
        return reportLines(awsApiReport(stack.snapshot)).map((line) => `  ${line}`);
    },
    markdown(stack: StackModel): string[] {
        return reportLines(awsApiReport(stack.snapshot)).map((line) => `- ${code(line)}`);
    },
};
