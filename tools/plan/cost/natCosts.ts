// What NAT costs: the gateways' hours, their public IPv4 addresses, and the data the private tasks send through them.
import { resourceTypes as t } from "../../resourceTypes";
import { CostLine, fixed, noun, pricedLine, Range } from "./costLine";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { sumRanges, tasksText, Usage } from "./taskCosts";

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
                noun: noun("NAT gateway"),
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
                    noun: noun("NAT gateway address"),
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
