// The service image (docker-build:index:Image). It is not an AWS resource: BuildKit builds it and pushes it to the
// stack's ECR repositories through the registry API. What reaches AWS is each pushed or pulled reference: ECR keeps
// a pushed tag under the rules of PutImage.imageTag and a repository under those of its repositoryName (CloudTrail
// records a push as PutImage, a pull as BatchGetImage). The rest configures BuildKit and is not sent to AWS.
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping } from "../apiMapping";

/** "account.dkr.ecr.region.amazonaws.com/repository:tag" → repository and tag; no tag pushes "latest", as docker does. */
export function imageReference(reference: unknown): { repositoryName: string; imageTag: string } {
    const text = String(reference);
    const path = text.slice(text.indexOf("/") + 1);
    const lastPart = path.slice(path.lastIndexOf("/") + 1);
    return lastPart.includes(":")
        ? { repositoryName: path.slice(0, path.lastIndexOf(":")), imageTag: lastPart.slice(lastPart.indexOf(":") + 1) }
        : { repositoryName: path, imageTag: "latest" };
}

/** The refs of the registry caches in a cacheFrom or cacheTo list (the program's only cache kind). */
function registryCacheRefs(caches: unknown): unknown[] {
    return (caches as { registry?: { ref?: string } }[]).flatMap((cache) =>
        cache.registry?.ref === undefined ? [] : [cache.registry.ref],
    );
}

/** Pushes: one PutImage per tag. */
function puts(references: unknown[]): unknown[] {
    return references.map(imageReference);
}

/** Pulls: BatchGetImage of the tag. */
function gets(references: unknown[]): unknown[] {
    return references.map(imageReference).map(({ repositoryName, imageTag }) => ({
        repositoryName,
        imageIds: [{ imageTag }],
    }));
}

const buildKit = "BuildKit's setting, for the build on the deploying machine";

export const imageMappings: Readonly<Record<string, ApiMapping>> = {
    [t.image]: {
        service: "ecr",
        source:
            "pulumi/pulumi-docker-build provider/internal/image.go (tags pushed when push is true) and cache.go " +
            "(registry caches: ref); ECR stores a push as PutImage, serves a pull as BatchGetImage",
        inputs: {
            tags: { operation: "PutImage", member: "[]", toApi: (tags) => puts(tags as unknown[]) },
            // A registry cache is an image too: the export pushes it under its ref's tag (mode, imageManifest,
            // ociMediaTypes and ignoreError shape the export, inside BuildKit), and the import pulls it.
            cacheTo: { operation: "PutImage", member: "[]", toApi: (caches) => puts(registryCacheRefs(caches)) },
            cacheFrom: { operation: "BatchGetImage", member: "[]", toApi: (caches) => gets(registryCacheRefs(caches)) },
            push: { notSent: "makes BuildKit push the tags, which are checked as pushed" },
            registries: { notSent: "the registries' credentials, for BuildKit's login" },
            buildOnPreview: { notSent: "makes the provider build during previews too" },
            buildArgs: { notSent: `${buildKit}: the Dockerfile's ARG values` },
            context: { notSent: `${buildKit}: the build context's directory` },
            dockerfile: { notSent: `${buildKit}: the Dockerfile's path` },
            network: { notSent: `${buildKit}: the network of RUN steps` },
            platforms: { notSent: `${buildKit}: the target platforms` },
            target: { notSent: `${buildKit}: the Dockerfile stage to build` },
            noCache: { notSent: buildKit },
            pull: { notSent: buildKit },
            labels: { notSent: `${buildKit}: labels written into the image's configuration` },
            // Not mapped, so listed as not checked should the program declare them: exports (a registry export
            // pushes too), secrets, ssh and the builder's own settings.
        },
    },
};
