// What AWS and the service accept, as data, so validation messages can quote it.

/** `from`, `from + step`, ... up to `to`. */
function steps(from: number, to: number, step: number): number[] {
    return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

/** Fargate's task sizes: memory (MiB) allowed for each CPU size (units of 1/1024 vCPU). */
const fargateMemoryByCpu: ReadonlyMap<number, readonly number[]> = new Map([
    [256, [512, 1024, 2048]],
    [512, steps(1024, 4096, 1024)],
    [1024, steps(2048, 8192, 1024)],
    [2048, steps(4096, 16384, 1024)],
    [4096, steps(8192, 30720, 1024)],
    [8192, steps(16384, 61440, 4096)],
    [16384, steps(32768, 122880, 8192)],
]);

export const fargateCpuSizes: readonly number[] = [...fargateMemoryByCpu.keys()];

/** The memory sizes Fargate pairs with `cpu`, or undefined for a CPU size Fargate does not offer. */
export function fargateMemorySizes(cpu: number): readonly number[] | undefined {
    return fargateMemoryByCpu.get(cpu);
}

/** "512, 1024 or 2048" for a few values, "8192 to 30720 in steps of 1024" for an even run of many. */
export function describeValues(values: readonly number[]): string {
    const step = values[1] - values[0];
    const even = values.every((value, i) => i === 0 || value - values[i - 1] === step);
    return values.length > 4 && even
        ? `${values[0]} to ${values[values.length - 1]} in steps of ${step}`
        : listOf(values);
}

/** The retention periods (days) CloudWatch Logs accepts; "never expire" is left out on purpose. */
export const logRetentionDays: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** ASP.NET Core log levels, as the service reads them from APP_LOG_LEVEL. */
export const appLogLevels: readonly string[] = [
    "Trace",
    "Debug",
    "Information",
    "Warning",
    "Error",
    "Critical",
    "None",
];

export const cpuArchitectures = ["x86_64", "arm64"] as const;

/** How Docker and ECS name a CPU architecture: an image for one platform runs only on tasks of the same one. */
export interface Platform {
    docker: "linux/amd64" | "linux/arm64";
    ecsCpuArchitecture: "X86_64" | "ARM64";
}

export const platforms: Readonly<Record<(typeof cpuArchitectures)[number], Platform>> = {
    x86_64: { docker: "linux/amd64", ecsCpuArchitecture: "X86_64" },
    arm64: { docker: "linux/arm64", ecsCpuArchitecture: "ARM64" },
};
export const vpcChoices = ["default", "dedicated"] as const;

/** "a, b or c". */
export function listOf(values: readonly (string | number)[]): string {
    const items = values.map(String);
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** How many NAT gateways the dedicated VPC's private subnets send outbound traffic through (awsx's NatGatewayStrategy). */
export const natGatewayChoices = ["none", "single", "onePerAz"] as const;
/**
 * VPC endpoints of the dedicated VPC: none, the S3 gateway endpoint alone (image layers), or all that tasks need
 * without a NAT gateway (S3, ECR api, ECR dkr, CloudWatch Logs).
 */
export const vpcEndpointChoices = ["none", "s3", "all"] as const;
