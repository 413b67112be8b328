// What CloudWatch alarms cost: those the stack declares and those its target tracking policies make AWS create.
import { resourceTypes as t } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";
import { pricedTypes as p } from "./billedTypes";
import { CostLine, fixed, pricedLine } from "./costLine";
import { at, numberAt, textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";

/**
 * Declared alarms (under 60 s periods are high-resolution), and the alarms a target tracking policy makes
 * Application Auto Scaling create and manage (AWS Application Auto Scaling User Guide, "Target tracking scaling
 * policies"): two per policy, the high and the low alarm; one when scale-in is disabled. The stored guide says the
 * service creates them but not how many: two is how they appear in an account (AlarmHigh, AlarmLow).
 */
export function alarmLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const declared = facts.ofType(p.metricAlarm);
    const highResolution = declared.filter((alarm) => (numberAt(alarm.inputs, "period") ?? 60) < 60);
    const standard = declared.length - highResolution.length;
    const policies = facts
        .ofType(t.scalingPolicy)
        .filter((policy) => textAt(policy.inputs, "policyType") === "TargetTrackingScaling");
    const managed = policies.reduce((sum, policy) => {
        const scaleIn = at(policy.inputs, "targetTrackingScalingPolicyConfiguration", "disableScaleIn") !== true;
        return sum + (scaleIn ? 2 : 1);
    }, 0);
    const lines: CostLine[] = [];
    const group = (
        key: string,
        what: string,
        count: number,
        price: "alarmMonth" | "highResolutionAlarmMonth",
        names: SnapshotResource[],
    ) =>
        pricedLine(
            {
                key,
                what,
                resource: names.map((resource) => resource.name).join(", "),
                count: fixed(count),
                noun: { one: "alarm", many: "alarms" },
                quantity: fixed(count),
                basis: `${count} alarms`,
                price,
            },
            table,
        );
    if (standard > 0) {
        lines.push(
            group(
                "alarms",
                "CloudWatch alarms",
                standard,
                "alarmMonth",
                declared.filter((a) => !highResolution.includes(a)),
            ),
        );
    }
    if (highResolution.length > 0) {
        lines.push(
            group(
                "alarms-high-resolution",
                "CloudWatch high-resolution alarms",
                highResolution.length,
                "highResolutionAlarmMonth",
                highResolution,
            ),
        );
    }
    if (managed > 0) {
        lines.push(
            group(
                "alarms-target-tracking",
                "CloudWatch alarms of target tracking scaling",
                managed,
                "alarmMonth",
                policies,
            ),
        );
    }
    return lines;
}
