// What AWS would refuse of the stack's inputs, checked against AWS's own API models and documentation
// (tools/checks/awsApi/), so that a reviewer sees it before `pulumi up` fails on it.
import { awsApiReport, reportLines } from "../../checks/awsApi/stackReport";
import { StackModel } from "../model/stackModel";
import { code } from "./markdownText";
import type { PlanSection } from "./sections";

export const awsApiSection: PlanSection = {
    title: "AWS API rules",
    terminal(stack: StackModel): string[] {
        return reportLines(awsApiReport(stack.snapshot)).map((line) => `  ${line}`);
    },
    markdown(stack: StackModel): string[] {
        return reportLines(awsApiReport(stack.snapshot)).map((line) => `- ${code(line)}`);
    },
};
