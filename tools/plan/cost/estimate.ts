// The monthly cost estimate of one planned stack: a line per billing item, the total as a range (fewest to most
// tasks), the assumptions it rests on, and every resource it could not price. A pure function of the snapshot, the
// price table and the assumptions, so a base snapshot is priced exactly as the head is.
import { Snapshot } from "../model/snapshot";
import { resourceTypes as t } from "../../resourceTypes";
import { assumptionKeys, assumptionSpecs, Assumptions } from "./assumptions";
import { freeTypes, pricedTypes, pricedWith } from "./billedTypes";
import { CostLine, Range, sumCents } from "./costLine";
import { alarmLines } from "./alarmCosts";
import { dnsLines, wafLines } from "./edgeCosts";
import { endpointLines } from "./endpointCosts";
import { listAt, textAt } from "./inputs";
import { loadBalancerLines } from "./loadBalancerCosts";
import { containerInsightsLines, logLines } from "./logCosts";
import { natLines } from "./natCosts";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { secretLines, storageLines } from "./storageCosts";
import { taskLines } from "./taskCosts";

export interface CostEstimate {
    region: string;
    currency: "USD";
    /** When the table's prices were read. */
    pricesRead: string;
    lines: CostLine[];
    /** The sum of the priced lines, at the fewest and at the most tasks. */
    total: Range;
    assumptions: { key: string; value: number; description: string; overridden: boolean }[];
    /** What may bill but has no price: "aws:sns/topic:Topic alerts: no price entry". */
    unpriced: string[];
}

/** Types some line above prices; everything else is free, priced with another resource, or not priced. */
const pricedDirectly: ReadonlySet<string> = new Set([
    t.service,
    t.logGroup,
    t.loadBalancer,
    t.natGateway,
    t.repository,
    ...Object.values(pricedTypes),
]);

export function estimateCost(snapshot: Snapshot, table: PriceTable, assumptions: Assumptions): CostEstimate {
    const facts = new StackFacts(snapshot);
    const usage = assumptions.values;
    const lines = [
        ...taskLines(facts, table, usage),
        ...loadBalancerLines(facts, table, usage),
        ...natLines(facts, table, usage),
        ...endpointLines(facts, table, usage),
        ...logLines(facts, table, usage),
        ...containerInsightsLines(facts, table, usage),
        ...alarmLines(facts, table),
        ...storageLines(facts, table, usage),
        ...dnsLines(facts, table),
        ...wafLines(facts, table, usage),
        ...secretLines(facts, table),
    ];
    const priced = lines.flatMap((line) => line.monthly ?? []);
    return {
        region: table.region,
        currency: table.currency,
        pricesRead: [...new Set(Object.values(table.prices).map((price) => price.read))].sort().join(", "),
        lines,
        total: { low: sumCents(priced.map((m) => m.low)), high: sumCents(priced.map((m) => m.high)) },
        assumptions: assumptionKeys.map((key) => ({
            key,
            value: usage[key],
            description: assumptionSpecs[key].description,
            overridden: assumptions.overridden.includes(key),
        })),
        unpriced: [
            ...lines
                .filter((line) => line.monthly === null)
                .map((line) => `${line.what} (${line.resource}): no price in the table`),
            ...unpricedChoices(facts),
            ...unknownResources(snapshot),
        ],
    };
}

/** Settings of priced types that price differently, and that the table has no figure for. */
function unpricedChoices(facts: StackFacts): string[] {
    const loadBalancers = facts
        .ofType(t.loadBalancer)
        .filter((lb) => (textAt(lb.inputs, "loadBalancerType") ?? "application") !== "application")
        .map(
            (lb) =>
                `${lb.name}: a ${textAt(lb.inputs, "loadBalancerType")} load balancer, which the table has no price for`,
        );
    const insights = facts
        .ofType(t.cluster)
        .filter((cluster) =>
            listAt(cluster.inputs, "settings").some(
                (s) => textAt(s, "name") === "containerInsights" && textAt(s, "value") === "enhanced",
            ),
        )
        .map(
            (cluster) =>
                `${cluster.name}: Container Insights with enhanced observability, billed per observation, not in the table`,
        );
    return [...loadBalancers, ...insights];
}

/** Custom resources of a type the estimate does not know: they may bill, and the total leaves them out. */
function unknownResources(snapshot: Snapshot): string[] {
    return snapshot.resources
        .filter((resource) => resource.custom)
        .filter((r) => !pricedDirectly.has(r.type) && !freeTypes.has(r.type) && pricedWith[r.type] === undefined)
        .map((resource) => `${resource.type} ${resource.name}: a type the estimate has no price for`);
}
