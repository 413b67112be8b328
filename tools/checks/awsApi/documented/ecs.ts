// ECS rules stated only in AWS's documentation: the Fargate task sizes, names, and what Fargate requires of a
// task definition and its containers.
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, inputRule } from "../documentedRule";
import { ecsNameRule } from "./names";

const api = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference";
const parameters = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html";

/** Fargate's task sizes: CPU units → the memory (MiB) each allows, from `from` to `to` in steps of `step`. */
const fargateSizes: Readonly<Record<number, { from: number; to: number; step: number; extra?: number[] }>> = {
    256: { from: 1024, to: 2048, step: 1024, extra: [512] },
    512: { from: 1024, to: 4096, step: 1024 },
    1024: { from: 2048, to: 8192, step: 1024 },
    2048: { from: 4096, to: 16384, step: 1024 },
    4096: { from: 8192, to: 30720, step: 1024 },
    8192: { from: 16384, to: 61440, step: 4096 },
    16384: { from: 32768, to: 122880, step: 8192 },
};

export function fargateMemoryAllowed(cpu: number, memory: number): boolean {
    const size = fargateSizes[cpu];
    return (
        size !== undefined &&
        ((memory >= size.from && memory <= size.to && (memory - size.from) % size.step === 0) ||
            (size.extra ?? []).includes(memory))
    );
}

function onFargate(inputs: Readonly<Record<string, unknown>>): boolean {
    return ((inputs.requiresCompatibilities as string[] | undefined) ?? []).includes("FARGATE");
}

interface Container {
    name?: string;
    essential?: boolean;
    stopTimeout?: number;
    portMappings?: { containerPort?: number; hostPort?: number }[];
}

/** A rule on one field of each container of the task definition's JSON; `broken` returns the offending value. */
function containerRule(
    field: keyof Container,
    rule: string,
    source: string,
    broken: (container: Container, inputs: Readonly<Record<string, unknown>>) => unknown,
): DocumentedRule {
    return {
        rule,
        source,
        violations(inputs) {
            const containers = parseContainers(inputs.containerDefinitions);
            return containers.flatMap((container, i) => {
                const value = broken(container, inputs);
                return value === undefined ? [] : [{ input: `containerDefinitions[${i}].${field}`, value }];
            });
        },
    };
}

function parseContainers(json: unknown): Container[] {
    try {
        const parsed: unknown = JSON.parse(String(json));
        return Array.isArray(parsed) ? (parsed as Container[]) : [];
    } catch {
        return []; // the model check refuses JSON that does not parse
    }
}

export const ecsRules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.cluster]: [ecsNameRule("name", `${api}/API_CreateCluster.html`)],
    [t.service]: [ecsNameRule("name", `${api}/API_CreateService.html`)],
    [t.taskDefinition]: [
        ecsNameRule("family", `${api}/API_RegisterTaskDefinition.html`),
        inputRule(
            "memory",
            "a Fargate task size: the memory this CPU allows",
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size",
            (memory, inputs) =>
                onFargate(inputs) &&
                !fargateMemoryAllowed(Number(inputs.cpu), Number(memory)) &&
                `cpu ${String(inputs.cpu)}`,
        ),
        inputRule(
            "networkMode",
            "Fargate tasks use the awsvpc network mode",
            `${parameters}#network_mode`,
            (mode, inputs) => onFargate(inputs) && mode !== "awsvpc",
        ),
        containerRule(
            "name",
            "each container has a name of up to 255 letters, digits, underscores and hyphens",
            `${api}/API_ContainerDefinition.html`,
            (c) => (/^[A-Za-z0-9_-]{1,255}$/.test(c.name ?? "") ? undefined : c.name),
        ),
        {
            rule: "at least one container is essential",
            source: `${api}/API_ContainerDefinition.html`,
            violations(inputs) {
                const containers = parseContainers(inputs.containerDefinitions);
                return containers.length > 0 && containers.every((c) => c.essential === false)
                    ? [{ input: "containerDefinitions", value: containers.map((c) => c.name) }]
                    : [];
            },
        },
        containerRule(
            "stopTimeout",
            "on Fargate, a container's stopTimeout is at most 120 seconds",
            `${api}/API_ContainerDefinition.html`,
            (c, inputs) => (onFargate(inputs) && (c.stopTimeout ?? 0) > 120 ? c.stopTimeout : undefined),
        ),
        containerRule(
            "portMappings",
            "with awsvpc, a port mapping's hostPort is left out or equals its containerPort",
            `${api}/API_PortMapping.html`,
            (c, inputs) =>
                inputs.networkMode === "awsvpc" &&
                (c.portMappings ?? []).some((m) => m.hostPort !== undefined && m.hostPort !== m.containerPort)
                    ? c.portMappings
                    : undefined,
        ),
    ],
};
