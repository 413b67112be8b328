// What the network costs: the load balancer's hours and LCUs, NAT gateways and the data they process, public IPv4
// addresses (load balancer nodes, NAT gateways) and VPC endpoints.
import { resourceTypes as t } from "../../resourceTypes";
import { CostLine, fixed, pricedLine, Range, scaled } from "./costLine";
import { at, listAt, textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { sumRanges, tasksText, Usage } from "./taskCosts";

const one = (noun: string) => ({ one: noun, many: `${noun}s` });

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
                        noun: one("load balancer"),
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
                        noun: one("load balancer"),
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
                            noun: one("load balancer address"),
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

/** NAT gateway hours and their public IPv4 addresses: each declared gateway, or those an awsx VPC's strategy creates. */
export function natLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const hours = usage.hoursPerMonth;
    const groups = [
        { owner: facts.ofType(t.natGateway).map((nat) => nat.name), count: facts.ofType(t.natGateway).length, how: "" },
        ...facts.awsxVpcs().map((vpc) => ({
            owner: [vpc.resource.name],
            count: vpc.natGateways,
            how: ` (awsx strategy ${vpc.strategy}, ${vpc.zones} zones)`,
        })),
    ].filter((group) => group.count > 0);
    const addresses = facts.ofType(t.eip).length;
    const lines = groups.map((group) =>
        pricedLine(
            {
                key: `nat-hours:${group.how === "" ? "declared" : group.owner[0]}`,
                what: `NAT gateway hours${group.how}`,
                resource: group.owner.join(", "),
                count: fixed(group.count),
                noun: one("NAT gateway"),
                quantity: fixed(group.count * hours),
                basis: `${group.count} x ${hours} h`,
                price: "natGatewayHour",
            },
            table,
        ),
    );
    const awsxAddresses = facts.awsxVpcs().reduce((sum, vpc) => sum + vpc.natGateways, 0);
    const total = addresses + awsxAddresses;
    if (total > 0) {
        lines.push(
            pricedLine(
                {
                    key: "public-ipv4-nat",
                    what: "Public IPv4 addresses of the NAT gateways (Elastic IPs)",
                    resource: [
                        ...facts.ofType(t.eip).map((eip) => eip.name),
                        ...facts
                            .awsxVpcs()
                            .filter((vpc) => vpc.natGateways > 0)
                            .map((vpc) => vpc.resource.name),
                    ].join(", "),
                    count: fixed(total),
                    noun: one("NAT gateway address"),
                    quantity: fixed(total * hours),
                    basis: `${total} x ${hours} h`,
                    price: "publicIpv4Hour",
                },
                table,
            ),
        );
    }
    return [...lines, ...natDataLines(facts, table, usage)];
}

/**
 * What private tasks send through NAT: image layers (ECR serves them from S3, so an S3 gateway endpoint keeps them
 * off NAT), logs (unless a logs interface endpoint carries them) and other API traffic. Priced once per stack: the
 * per-GB charge does not depend on how many gateways share the traffic.
 */
function natDataLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const tasks = sumRanges(facts.tasksBehindNat().map((task) => task.tasks));
    if (tasks.high === 0) {
        return [];
    }
    const pulls = facts.hasEndpoint("s3", "gateway") ? 0 : usage.imageSizeGb * usage.deploysPerMonth;
    const logs = facts.hasEndpoint("logs", "interface") ? 0 : usage.logGbPerTaskMonth;
    const gb: Range = { low: tasks.low * (pulls + logs), high: tasks.high * (pulls + logs) };
    const parts = [
        pulls === 0
            ? "image layers through the S3 gateway endpoint"
            : `image pulls ${usage.imageSizeGb} GB x ${usage.deploysPerMonth} deploys`,
        logs === 0 ? "logs through their endpoint" : `logs ${usage.logGbPerTaskMonth} GB`,
    ];
    return [
        pricedLine(
            {
                key: "nat-data",
                what: "NAT gateway data processed",
                resource: facts
                    .tasksBehindNat()
                    .map((task) => task.service.name)
                    .join(", "),
                count: tasks,
                noun: { one: "task behind NAT", many: "tasks behind NAT" },
                quantity: { low: gb.low + usage.natOtherGbPerMonth, high: gb.high + usage.natOtherGbPerMonth },
                basis: `(${parts.join(" + ")}) x ${tasksText(tasks)} + ${usage.natOtherGbPerMonth} GB other`,
                price: "natGatewayGb",
            },
            table,
        ),
    ];
}

/** Interface endpoints bill per zone-hour and per GB (logs: the tasks' logs); gateway endpoints (S3) are free. */
export function endpointLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const hours = usage.hoursPerMonth;
    const writers = sumRanges(
        facts
            .tasks()
            .filter((task) => !task.publicIp)
            .map((task) => task.tasks),
    );
    return facts.endpoints().flatMap((endpoint) => {
        const key = `${endpoint.service}:${endpoint.owner.name}`;
        if (endpoint.type === "gateway") {
            return [
                pricedLine(
                    {
                        key: `endpoint-gateway:${key}`,
                        what: `${endpoint.service} gateway endpoint (free)`,
                        resource: endpoint.owner.name,
                        count: fixed(1),
                        noun: one("gateway endpoint"),
                        quantity: fixed(1),
                        basis: "1 endpoint",
                        price: "gatewayEndpoint",
                    },
                    table,
                ),
            ];
        }
        const lines = [
            pricedLine(
                {
                    key: `endpoint-hours:${key}`,
                    what: `${endpoint.service} interface endpoint hours`,
                    resource: endpoint.owner.name,
                    count: fixed(endpoint.zones),
                    noun: { one: "zone", many: "zones" },
                    quantity: fixed(endpoint.zones * hours),
                    basis: `${endpoint.zones} zones x ${hours} h`,
                    price: "interfaceEndpointAzHour",
                },
                table,
            ),
        ];
        if (endpoint.service === "logs" && writers.high > 0) {
            lines.push(
                pricedLine(
                    {
                        key: `endpoint-data:${key}`,
                        what: "logs interface endpoint data processed",
                        resource: endpoint.owner.name,
                        count: writers,
                        noun: { one: "task writing", many: "tasks writing" },
                        quantity: scaled(writers, usage.logGbPerTaskMonth),
                        basis: `${usage.logGbPerTaskMonth} GB a month x ${tasksText(writers)}`,
                        price: "interfaceEndpointGb",
                    },
                    table,
                ),
            );
        }
        return lines;
    });
}
