// What the load balancer costs: its hours, its LCUs, and a public IPv4 address per node when internet-facing.
import { resourceTypes as t } from "../../resourceTypes";
import { CostLine, fixed, noun, pricedLine } from "./costLine";
import { at, listAt, textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { Usage } from "./taskCosts";

/**
 * An Application Load Balancer bills its hours and, per hour, the largest of its four LCU dimensions (25 new
 * connections/s, 3,000 active connections/min, 1 GB/h to IP targets, 1,000 rule evaluations/s beyond the 10 free
 * rules): the ELB pricing page, see prices/us-east-1.ts. An internet-facing one holds a public IPv4 address per node,
 * one node per subnet (zone).
 */
export function loadBalancerLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const hours = usage.hoursPerMonth;
    return facts
        .ofType(t.loadBalancer)
        .filter((lb) => (textAt(lb.inputs, "loadBalancerType") ?? "application") === "application")
        .flatMap((lb) => {
            const rules = facts
                .ofType("aws:lb/listenerRule:ListenerRule")
                .filter((rule) => facts.dependencies(rule, t.listener).some((l) => l.dependencies.includes(lb.urn)));
            const evaluations = usage.requestsPerSecond * Math.max(0, rules.length - 10);
            const dimensions = [
                usage.albNewConnectionsPerSecond / 25,
                usage.albActiveConnectionsPerMinute / 3000,
                usage.albProcessedGbPerMonth / hours,
                evaluations / 1000,
            ];
            const lcu = Math.max(...dimensions);
            const nodes = listAt(lb.inputs, "subnets").length || listAt(lb.inputs, "subnetMappings").length;
            const lines = [
                pricedLine(
                    {
                        key: `alb-hours:${lb.name}`,
                        what: "Application Load Balancer hours",
                        resource: lb.name,
                        count: fixed(1),
                        noun: noun("load balancer"),
                        quantity: fixed(hours),
                        basis: `${hours} h`,
                        price: "albHour",
                    },
                    table,
                ),
                pricedLine(
                    {
                        key: `alb-lcu:${lb.name}`,
                        what: "Application Load Balancer LCUs",
                        resource: lb.name,
                        count: fixed(1),
                        noun: noun("load balancer"),
                        quantity: fixed(lcu * hours),
                        basis:
                            `max(${usage.albNewConnectionsPerSecond} new conn/s / 25, ` +
                            `${usage.albActiveConnectionsPerMinute} active conn/min / 3,000, ` +
                            `${usage.albProcessedGbPerMonth} GB / ${hours} h, ${evaluations} rule evals/s / 1,000) = ` +
                            `${lcu.toFixed(4)} LCU x ${hours} h`,
                        price: "albLcuHour",
                    },
                    table,
                ),
            ];
            if (at(lb.inputs, "internal") !== true && nodes > 0) {
                lines.push(
                    pricedLine(
                        {
                            key: `public-ipv4-alb:${lb.name}`,
                            what: "Public IPv4 addresses of the load balancer (one per zone)",
                            resource: lb.name,
                            count: fixed(nodes),
                            noun: noun("load balancer address"),
                            quantity: fixed(nodes * hours),
                            basis: `${nodes} subnets x ${hours} h`,
                            price: "publicIpv4Hour",
                        },
                        table,
                    ),
                );
            }
            return lines;
        });
}
