// What the running tasks cost: Fargate vCPU and memory by architecture, and a public IPv4 address per task that has
// one; with the helpers the other billing modules share to count tasks.
import { AssumptionKey } from "./assumptions";
import { CostLine, fixed, pricedLine, Range, scaled } from "./costLine";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";

export type Usage = Readonly<Record<AssumptionKey, number>>;

const taskNoun = { one: "task", many: "tasks" };

export function taskLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const hours = usage.hoursPerMonth;
    return facts.tasks().flatMap((task) => {
        const arm = task.architecture === "ARM64";
        const name = task.service.name;
        const common = { resource: name, count: task.tasks, noun: taskNoun };
        const lines = [
            pricedLine(
                {
                    ...common,
                    key: `fargate-vcpu:${name}`,
                    what: `Fargate vCPU (${task.architecture})`,
                    quantity: scaled(task.tasks, task.vcpu * hours),
                    basis: `${task.vcpu} vCPU x ${hours} h x ${tasksText(task.tasks)}`,
                    price: arm ? "fargateArmVcpuHour" : "fargateX86VcpuHour",
                },
                table,
            ),
            pricedLine(
                {
                    ...common,
                    key: `fargate-memory:${name}`,
                    what: `Fargate memory (${task.architecture})`,
                    quantity: scaled(task.tasks, task.memoryGb * hours),
                    basis: `${task.memoryGb} GB x ${hours} h x ${tasksText(task.tasks)}`,
                    price: arm ? "fargateArmGbHour" : "fargateX86GbHour",
                },
                table,
            ),
        ];
        if (task.publicIp) {
            lines.push(
                pricedLine(
                    {
                        ...common,
                        key: `public-ipv4-tasks:${name}`,
                        what: "Public IPv4 addresses of the tasks (one each)",
                        noun: { one: "task with a public IPv4 address", many: "tasks with public IPv4 addresses" },
                        quantity: scaled(task.tasks, hours),
                        basis: `${hours} h x ${tasksText(task.tasks)}`,
                        price: "publicIpv4Hour",
                    },
                    table,
                ),
            );
        }
        return lines;
    });
}

export function sumRanges(ranges: readonly Range[]): Range {
    return ranges.reduce((sum, range) => ({ low: sum.low + range.low, high: sum.high + range.high }), fixed(0));
}

/** "2 tasks", "2-6 tasks". */
export function tasksText(tasks: Range): string {
    const count = tasks.low === tasks.high ? `${tasks.low}` : `${tasks.low}-${tasks.high}`;
    return `${count} ${tasks.high === 1 ? "task" : "tasks"}`;
}
