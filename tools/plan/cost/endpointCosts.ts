// What VPC endpoints cost: interface endpoints per zone-hour and per GB, gateway endpoints nothing.
import { CostLine, fixed, noun, pricedLine, scaled } from "./costLine";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { sumRanges, tasksText, Usage } from "./taskCosts";

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
                        noun: noun("gateway endpoint"),
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
