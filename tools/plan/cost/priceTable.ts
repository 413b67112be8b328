// The price tables: one per region, every price with the AWS pricing page it belongs to, the day it was read and
// exactly where its figure was read. The estimate, the diff and the worked example in docs/cost.md all price from here.
import { InputError } from "../cli/inputError";
import { usEast1 } from "./prices/us-east-1";

/** What AWS charges for one unit of one thing, and where that figure comes from. */
export interface PriceEntry {
    /** US dollars per `per`; null when no stored page gave a figure (the estimate then says it is not priced). */
    usd: number | null;
    /** The unit: "vCPU-hour", "GB", "alarm-month". */
    per: string;
    /** The AWS pricing page the price belongs to. */
    source: string;
    /** The day the figure was read (YYYY-MM-DD). */
    read: string;
    /** Exactly what was read where: the AWS page's own text, or the copy the figure was read from when it is not. */
    evidence: string;
}

/** Every price the estimate uses; a region's table must hold all of them (the compiler checks). */
export type PriceKey =
    | "fargateX86VcpuHour"
    | "fargateX86GbHour"
    | "fargateArmVcpuHour"
    | "fargateArmGbHour"
    | "albHour"
    | "albLcuHour"
    | "natGatewayHour"
    | "natGatewayGb"
    | "publicIpv4Hour"
    | "interfaceEndpointAzHour"
    | "interfaceEndpointGb"
    | "gatewayEndpoint"
    | "logsIngestedGb"
    | "logsInfrequentAccessIngestedGb"
    | "logsStoredGbMonth"
    | "customMetricMonth"
    | "alarmMonth"
    | "highResolutionAlarmMonth"
    | "ecrStorageGbMonth"
    | "route53HostedZoneMonth"
    | "route53StandardQueriesMillion"
    | "route53AliasQueries"
    | "wafWebAclMonth"
    | "wafRuleMonth"
    | "wafRequestsMillion"
    | "s3StandardGbMonth"
    | "acmPublicCertificate"
    | "ssmStandardParameter"
    | "ssmAdvancedParameterMonth"
    | "secretsManagerSecretMonth"
    | "kmsKeyMonth";

export interface PriceTable {
    region: string;
    currency: "USD";
    prices: Readonly<Record<PriceKey, PriceEntry>>;
}

const tables: Readonly<Record<string, PriceTable>> = { [usEast1.region]: usEast1 };

export function priceTableRegions(): string[] {
    return Object.keys(tables).sort();
}

/** The table of `region`, or one line naming `aws:region`, its value and the regions there are tables for. */
export function priceTableFor(region: string | undefined): PriceTable {
    const table = region === undefined ? undefined : tables[region];
    if (table === undefined) {
        throw new InputError(
            `aws:region is ${region === undefined ? "not set" : `"${region}"`}, which has no price table; ` +
                `the cost estimate has tables for: ${priceTableRegions().join(", ")} (tools/plan/cost/prices/)`,
        );
    }
    return table;
}
