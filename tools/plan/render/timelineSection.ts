// The deployment timeline: how long each kind of deploy waits once the image is pushed, as sums a reader can check.
import { deploymentTimeline, TimelineFigure } from "../model/deploymentTimeline";
import { StackModel } from "../model/stackModel";
import { cell } from "./markdownText";
import type { PlanSection } from "./sections";
import { table } from "./terminal";

const heading = (figure: TimelineFigure) =>
    `${figure.title}: ${figure.seconds} s${figure.declared ? "" : " (if this stack deployed this way)"}`;

export const timelineSection: PlanSection = {
    title: "Deployment timeline (expected seconds of waiting after the image is pushed; see docs/deployments.md)",
    terminal(stack: StackModel): string[] {
        return deploymentTimeline(stack).flatMap((figure) => [
            `  ${heading(figure)}`,
            ...table(
                figure.terms.map((term) => [`${String(term.seconds).padStart(4)} s`, term.name, term.source]),
                "    ",
            ),
        ]);
    },
    markdown(stack: StackModel): string[] {
        return deploymentTimeline(stack).flatMap((figure) => [
            `**${heading(figure)}**`,
            "",
            "| Seconds | Term | From |",
            "| ---: | --- | --- |",
            ...figure.terms.map((term) => `| ${term.seconds} | ${cell(term.name)} | ${cell(term.source)} |`),
            "",
        ]);
    },
};
