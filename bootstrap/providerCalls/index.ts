// THE table of AWS API calls the providers make for every resource type and data source the stacks declare, each
// row with the provider source it came from. The deploy and preview roles' permissions are derived from it, so a
// type cannot be declared without its calls: tests/bootstrap/providerCalls.test.ts fails on a plan type without a
// row, and the IAM simulation (tests/bootstrap/iam/) replays every call against the derived policies.
import { accessLogCalls } from "./accessLogs";
import { alarmCalls } from "./alarms";
import { autoscalingCalls } from "./autoscaling";
import { awsxVpcCalls } from "./awsxVpc";
import { dataSourceCalls } from "./dataSources";
import { ecsCalls } from "./ecs";
import { edgeCalls } from "./edge";
import { firewallCalls } from "./firewall";
import { loadBalancerCalls } from "./loadBalancer";
import { logsAndRoleCalls } from "./logsAndRoles";
import { networkCalls } from "./network";
import { registryCalls } from "./registry";
import type { ProviderCalls } from "./types";

export type { ApiCall, Operation, ProviderCalls, ResourceRef, Target } from "./types";

export const providerCalls: readonly ProviderCalls[] = [
    ...registryCalls,
    ...networkCalls,
    ...awsxVpcCalls,
    ...firewallCalls,
    ...loadBalancerCalls,
    ...ecsCalls,
    ...logsAndRoleCalls,
    ...autoscalingCalls,
    ...dataSourceCalls,
    ...alarmCalls,
    ...edgeCalls,
    ...accessLogCalls,
];

/** The rows that grant permissions: every type a plan declares (pending rows wait for theirs). */
export function declaredCalls(table: readonly ProviderCalls[] = providerCalls): ProviderCalls[] {
    return table.filter((row) => row.pending === undefined);
}
