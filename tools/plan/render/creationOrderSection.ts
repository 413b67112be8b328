// The creation orders AWS needs, as the check over the recorded dependency graph finds them: "order races" a reviewer
// must resolve, or none. A race does not change the plan's exit status (0, or 2 with --diff and a change): it is
// printed, as the security posture is, for the reviewer of the pull request.
import { creationOrderFindings, creationOrderRules, describeFinding } from "../../checks/creationOrder";
import { StackModel } from "../model/stackModel";
import type { PlanSection } from "./sections";

function verdict(stack: StackModel): { heading: string; races: string[] } {
    const races = creationOrderFindings(stack.snapshot).map(describeFinding);
    return {
        heading:
            races.length === 0
                ? "none: every order AWS needs holds in the recorded dependency graph"
                : `order races: ${races.length} in the recorded dependency graph`,
        races,
    };
}

const orders = creationOrderRules.map((rule) => rule.order);

export const creationOrderSection: PlanSection = {
    title: "Creation order",
    verdict(stack: StackModel) {
        const { heading, races } = verdict(stack);
        return { text: heading, ok: races.length === 0 };
    },
    terminal(stack: StackModel): string[] {
        const { heading, races } = verdict(stack);
        return [
            `  ${heading}`,
            ...races.map((race) => `    ${race}`),
            `  orders checked (${orders.length})`,
            ...orders.map((order) => `    ${order}`),
        ];
    },
    markdown(stack: StackModel): string[] {
        const { heading, races } = verdict(stack);
        return [
            `**${heading}**`,
            ...(races.length === 0 ? [] : ["", ...races.map((race) => `- ${race}`)]),
            "",
            `Orders checked (${orders.length}): ${orders.join("; ")}.`,
        ];
    },
};
