// The worked example of docs/cost.md: one stack's estimate as a table a reader can redo by hand against the AWS
// pricing pages, line by line (quantity x unit price = monthly). tests/docs/cost.test.ts keeps the page's tables
// equal to what the plan prints; UPDATE_COST_DOC=1 rewrites them.
import { CostEstimate } from "./estimate";
import { dollars, quantity, range, unitPlural, unitPrice } from "./money";
import { priceTableFor } from "./priceTable";

export function workedExample(stack: string, estimate: CostEstimate): string[] {
    const table = priceTableFor(estimate.region);
    const rows = estimate.lines.map((line) => {
        const source = table.prices[line.price.key].source;
        const price =
            line.price.usd === null ? "no figure" : `[${unitPrice(line.price.usd)} per ${line.price.per}](${source})`;
        const amount = line.monthly === null ? "not priced" : range(line.monthly, dollars);
        const amountOf = `${range(line.quantity, quantity)} ${unitPlural(line.price.per)}`;
        return `| ${line.what}, \`${line.resource}\` | ${amountOf} | ${line.basis} | ${price} | ${amount} |`;
    });
    const set = estimate.assumptions.filter((a) => a.overridden).map((a) => `\`${a.key}=${a.value}\``);
    return [
        `\`npm run plan -- ${stack}\`, ${estimate.region}, prices read ${estimate.pricesRead}` +
            (set.length === 0 ? ", default assumptions:" : `, with ${set.join(", ")}:`),
        "",
        "| What | Quantity | How the plan gets it | x Unit price | = Monthly |",
        "| --- | --- | --- | --- | ---: |",
        ...rows,
        "",
        `**Total: ${range(estimate.total, dollars)} a month**` +
            (estimate.total.low === estimate.total.high ? "." : " (fewest to most tasks)."),
        ...(estimate.unpriced.length === 0 ? [] : ["", ...estimate.unpriced.map((item) => `- Not priced: ${item}`)]),
    ];
}
