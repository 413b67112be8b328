// The provider-call table is complete: every resource type and data source a reviewed plan declares has a row with
// calls and a source, so a type cannot reach a plan without the deploy role getting its calls. Rows for types no
// plan declares yet are pending (they grant nothing) and are listed here, so the table does not rot.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { providerCalls } from "../../bootstrap/providerCalls";
import { resourceTypes } from "../../tools/resourceTypes";
import { readSnapshot } from "./iam/workloads";

interface PlanResource {
    readonly type: string;
}

const rowOf = new Map(providerCalls.map((row) => [row.type, row]));

function planTypes(): Set<string> {
    const types = new Set<string>();
    for (const stack of ["dev", "prod"]) {
        const snapshot = readSnapshot(stack);
        // The program's own components make no call; a multi-language component (awsx) has a row for its children.
        for (const resource of snapshot.resources as readonly PlanResource[]) {
            if (!resource.type.startsWith("fargate-service:") && resource.type !== "pulumi:pulumi:Stack") {
                types.add(resource.type);
            }
        }
        for (const read of snapshot.reads) types.add(read.token);
    }
    return types;
}

/** What the plans declare, and what the components they declare declare out of the plans' sight. */
function declaredTypes(): Set<string> {
    const types = planTypes();
    for (const type of [...types]) for (const child of rowOf.get(type)?.children ?? []) types.add(child);
    return types;
}

describe("the provider-call table", () => {
    const declaredByPlans = declaredTypes();

    it("has each type once", () => {
        assert.equal(rowOf.size, providerCalls.length);
    });

    it("has a row, not pending, for every resource type and data source of the reviewed dev and prod plans and their components", () => {
        assert.ok(declaredByPlans.size > 20, `${declaredByPlans.size} types`);
        const missing = [...declaredByPlans].filter(
            (type) => rowOf.get(type)?.pending !== undefined || !rowOf.has(type),
        );
        assert.deepEqual(missing, []);
    });

    it("has a row for every type of tools/resourceTypes.ts (the types the program may declare)", () => {
        assert.deepEqual(
            Object.values(resourceTypes).filter((type) => !rowOf.has(type)),
            [],
        );
    });

    it("has a row for each child of a component, and the provider's own calls", () => {
        const children = providerCalls.flatMap((row) => row.children ?? []);
        assert.deepEqual(
            children.filter((type) => !rowOf.has(type)),
            [],
        );
        assert.ok(rowOf.has("pulumi:providers:aws"));
    });

    it("names the source of every row, and gives every row calls but a component's and an offline data source's", () => {
        for (const row of providerCalls) {
            assert.match(row.source, /internal\/service\/|internal\/conns\/|https:\/\/docs\.aws|pulumi-/, row.type);
            assert.ok(row.calls.length > 0 || (row.children?.length ?? 0) > 0 || row.noApiCall !== undefined, row.type);
            assert.ok(row.noApiCall === undefined || row.calls.length === 0, `${row.type} calls AWS after all`);
        }
    });

    it("grants through a declared row only what a plan declares, or what configuration reaches (reachedBy)", () => {
        const unused = providerCalls.filter(
            (row) =>
                row.pending === undefined &&
                row.reachedBy === undefined &&
                row.type !== "pulumi:providers:aws" &&
                !declaredByPlans.has(row.type),
        );
        assert.deepEqual(
            unused.map((row) => row.type),
            [],
            "a declared row no plan uses: mark it pending (who adds it) or say how configuration reaches it",
        );
    });

    it("lists the pending rows, each naming who adds its type, none of them declared by a plan yet", (t) => {
        const pending = providerCalls.filter((row) => row.pending !== undefined);
        for (const row of pending) t.diagnostic(`pending: ${row.type} (${row.pending})`);
        assert.ok(pending.every((row) => /^(net|edge|safe|registry|cost|policy|awschecks): /.test(row.pending ?? "")));
        assert.deepEqual(
            pending.filter((row) => declaredByPlans.has(row.type)).map((row) => row.type),
            [],
            "a plan declares these now: drop their pending mark",
        );
    });
});
