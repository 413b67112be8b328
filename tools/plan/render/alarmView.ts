// A CloudWatch alarm as a reviewer reads it: what it measures, when it goes off and whom it tells.
import { StackModel } from "../model/stackModel";

type Inputs = Record<string, any>;

export interface AlarmView {
    /** "5xx answers, % of requests" or "p99 TargetResponseTime". */
    signal: string;
    /** "> 5", "≥ 1", "> 1000 ms". */
    threshold: string;
    /** "2 of 3 periods of 60 s". */
    window: string;
    /** Labels of the topics the alarm notifies. */
    notifies: string[];
}

const comparisons: Readonly<Record<string, string>> = {
    GreaterThanThreshold: ">",
    GreaterThanOrEqualToThreshold: "≥",
    LessThanThreshold: "<",
    LessThanOrEqualToThreshold: "≤",
};

export function alarmView(alarm: Inputs, stack: StackModel): AlarmView {
    const queries = (alarm.metricQueries ?? []) as Inputs[];
    const returned = queries.find((query) => query.returnData === true);
    const signal =
        returned !== undefined
            ? String(returned.label ?? returned.expression)
            : `${alarm.extendedStatistic ?? alarm.statistic} ${alarm.metricName}`;
    // TargetResponseTime is in seconds; reviewers think of latency in milliseconds.
    const threshold =
        alarm.metricName === "TargetResponseTime"
            ? `${Math.round(Number(alarm.threshold) * 1000)} ms`
            : String(alarm.threshold);
    const period = alarm.period ?? queries.find((query) => query.metric !== undefined)?.metric.period;
    return {
        signal,
        threshold: `${comparisons[String(alarm.comparisonOperator)] ?? alarm.comparisonOperator} ${threshold}`,
        window: `${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} periods of ${period} s`,
        notifies: ((alarm.alarmActions ?? []) as unknown[]).map((action) => stack.label(action)),
    };
}
