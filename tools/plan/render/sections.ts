// The plan's sections after the resources: what a reviewer reads about the stack as a whole. Each section renders
// itself for the terminal and for Markdown, so a new one is a module and a line here.
import { StackModel } from "../model/stackModel";
import { edgeSection } from "./edgeSection";
import { postureSection } from "./posture";
import { awsApiSection } from "./awsApiSection";
import { policySection } from "./policy";
import { costSection } from "./costSection";
import { creationOrderSection } from "./creationOrderSection";
import { deploymentSection } from "./deploymentSection";
import { timelineSection } from "./timelineSection";

export interface PlanSection {
    /** The heading: a line in the terminal, an h4 in Markdown. */
    title: string;
    /** The section's lines for the terminal, indented by two spaces. */
    terminal(stack: StackModel): string[];
    /** The section's Markdown, without its heading. */
    markdown(stack: StackModel): string[];
    /**
     * For the checks (their truth comes from AWS's data, the policy pack, the recorded graph): one line saying what
     * they found, and whether a reviewer must look (`ok` false shows the whole section in the pull-request comment).
     */
    verdict?(stack: StackModel): { text: string; ok: boolean };
}

export const planSections: readonly PlanSection[] = [
    costSection,
    postureSection,
    edgeSection,
    deploymentSection,
    timelineSection,
    creationOrderSection,
    awsApiSection,
    policySection,
];
