// The plan's "Monthly cost estimate": a line per billing item (what, quantity, unit price, monthly), the total as a
// range where autoscaling makes one, what is not priced, and the assumptions with the flag that changes them.
import { CostLine } from "../cost/costLine";
import { CostEstimate } from "../cost/estimate";
import { dollars, quantity, range, unitPlural, unitPrice } from "../cost/money";
import { StackModel } from "../model/stackModel";
import { cell } from "./markdownText";
import type { PlanSection } from "./sections";
import { table } from "./terminal";

export const costSection: PlanSection = {
    title: "Monthly cost estimate",
    terminal(stack: StackModel): string[] {
        const estimate = stack.snapshot.cost;
        if (estimate === undefined) {
            return ["  not estimated"];
        }
        const amounts = estimate.lines.map((line) => figures(line)[2]);
        const width = Math.max(...amounts.map((amount) => amount.length));
        return [
            `  ${origin(estimate)}`,
            ...estimate.lines.flatMap((line, i) => {
                const [quantityText, price] = figures(line);
                return [
                    `  ${amounts[i].padStart(width)}  ${line.what}, ${line.resource}`,
                    `  ${" ".repeat(width)}  ${quantityText} x ${price}: ${line.basis}`,
                ];
            }),
            `  ${totalText(estimate)}`,
            ...estimate.unpriced.map((item) => `  Not priced: ${item}`),
            "  Assumptions (change one with --assume key=value):",
            ...table(
                estimate.assumptions.map((a) => [
                    `${a.key}=${a.value}`,
                    a.overridden ? "(set)" : "(default)",
                    a.description,
                ]),
                "    ",
            ),
        ];
    },
    markdown(stack: StackModel): string[] {
        const estimate = stack.snapshot.cost;
        if (estimate === undefined) {
            return ["Not estimated."];
        }
        return [
            `${origin(estimate)}.`,
            "",
            "| What | Quantity | Unit price | Monthly |",
            "| --- | --- | --- | ---: |",
            ...estimate.lines.map((line) => {
                const [quantityText, price, amount] = figures(line);
                return `| ${cell(line.what)}, \`${line.resource}\` | ${cell(`${quantityText} (${line.basis})`)} | ${price} | ${amount} |`;
            }),
            "",
            `**${totalText(estimate)}**`,
            ...(estimate.unpriced.length === 0
                ? []
                : ["", ...estimate.unpriced.map((item) => `- Not priced: ${item}`)]),
            "",
            `Assumptions (\`--assume key=value\` changes one): ${estimate.assumptions
                .map((a) => `\`${a.key}=${a.value}\`${a.overridden ? " (set)" : ""}`)
                .join(", ")}.`,
        ];
    },
};

/** The table without how each quantity follows: what, quantity x unit price, monthly; the total; what is not priced. */
export function costTable(estimate: CostEstimate): string[] {
    return [
        "| What | Quantity x unit price | Monthly |",
        "| --- | --- | ---: |",
        ...estimate.lines.map((line) => {
            const [quantityText, price, amount] = figures(line);
            return `| ${cell(line.what)}, \`${line.resource}\` | ${quantityText} x ${price} | ${amount} |`;
        }),
        "",
        `**${totalText(estimate)}**; ${origin(estimate)}.`,
        ...estimate.unpriced.map((item) => `- Not priced: ${cell(item)}`),
    ];
}

function origin(estimate: CostEstimate): string {
    return (
        `${estimate.region}, on-demand ${estimate.currency} prices read ${estimate.pricesRead} ` +
        `(tools/plan/cost/prices/${estimate.region}.ts, each with its source); no free tier subtracted`
    );
}

/** Quantity, unit price and monthly amount of a line; "not priced" where the table has no figure. */
export function figures(line: CostLine): [string, string, string] {
    const amount = line.monthly === null ? "not priced" : range(line.monthly, dollars);
    const price = line.price.usd === null ? "no figure" : `${unitPrice(line.price.usd)} per ${line.price.per}`;
    return [`${range(line.quantity, quantity)} ${unitPlural(line.price.per)}`, price, amount];
}

export function totalText(estimate: CostEstimate): string {
    const scaling = estimate.total.low === estimate.total.high ? "" : " (fewest to most tasks)";
    return `Total: ${range(estimate.total, dollars)} a month${scaling}`;
}
