// How long a deploy of the planned stack waits once the image is pushed: a rolling deploy, a blue/green deploy with
// its bake, and a rollback, each a sum of named terms taken from what the stack declares (health checks, grace
// period, deregistration delay, stop timeout, counts, alarms, bake). Estimates, not measurements: the terms that
// AWS does not publish are named assumptions.
import { deploymentFacts } from "./deploymentFacts";
import { rollbackFigure } from "./rollbackTimeline";
import { StackModel } from "./stackModel";
import { commonTerms, figure, replacementTerms, TimelineFigure } from "./timelineTerms";

export type { TimelineFigure, TimelineTerm } from "./timelineTerms";

export function deploymentTimeline(stack: StackModel): TimelineFigure[] {
    const f = deploymentFacts(stack);
    if (f === undefined) {
        return [];
    }
    const c = commonTerms(f);
    const watch = f.alarmsRollBack
        ? [
              {
                  name: "ECS keeps watching the alarms (estimated as their window)",
                  seconds: f.alarmWindowSeconds,
                  source: "alarms evaluationPeriods × period; ECS derives this wait and does not publish how",
              },
          ]
        : [];
    const rolling = figure(
        `rolling deploy, ${f.minimumHealthyPercent}-${f.maximumPercent} %, ` +
            (f.alarmsRollBack ? "alarms roll back" : "alarms only notify"),
        [...replacementTerms(f, c), ...watch, c.poll],
        f.strategy === "ROLLING",
    );
    const blueGreen = figure(
        `blue/green deploy with a ${f.bakeMinutes}-minute bake`,
        [
            { ...c.launch, name: "the new revision's tasks launch" },
            { ...c.healthy, name: `${c.healthy.name} in the second target group` },
            { name: "the bake: both revisions run", seconds: f.bakeMinutes * 60, source: "service bakeTimeInMinutes" },
            { ...c.drain, name: "the old revision drains" },
            { ...c.stop, name: "the old revision stops (at most)" },
            c.poll,
        ],
        f.strategy === "BLUE_GREEN",
    );
    return [rolling, blueGreen, rollbackFigure(f, c)];
}
