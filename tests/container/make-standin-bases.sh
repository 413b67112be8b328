#!/usr/bin/env bash
# Makes sure every base image that app/Dockerfile names is available to the container engine:
# the official image when the registry can be reached, otherwise a local stand-in tagged with
# exactly the official name, so the Dockerfile builds unchanged.
#
# A stand-in is Debian bookworm (debootstrap --variant=minbase) shaped like the official .NET
# image of that name: the same native libraries, the non-root user `app` (UID 1654), the same
# environment variables and default user, and this machine's .NET where the official image has
# .NET. Images built on stand-ins run the project's own layers for real, but their base differs
# (Debian, not Ubuntu; not the official file set), so sizes measured on them are not the
# official images' sizes.
#
# Usage: tests/container/make-standin-bases.sh [--reuse] [--platform PLATFORM] [DOCKERFILE]
#   DOCKERFILE  defaults to app/Dockerfile in this repository
#   --reuse     keep stand-ins left by an earlier run (faster local iterations). Without it,
#               earlier stand-ins are rebuilt, so a run depends on nothing a clean machine lacks.
#   --platform  the platform the image is built for: linux/amd64 (default) or linux/arm64. Stages
#               that run on the builder (FROM --platform=$BUILDPLATFORM) get this machine's
#               linux/amd64 bases; the others get PLATFORM's. An arm64 stand-in is made of the
#               arm64 Debian packages, unpacked, never run: building on it needs no emulation.
#
# The engine knows an image by one name, so the stand-in of one platform replaces that of another
# under the official name; the smoke test builds one platform after the other.
# CONTAINER_ENGINE=docker|podman picks the engine (default: Docker when its daemon answers).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
# shellcheck source=tests/container/common.sh # the path from the repository root, where tests/lint.sh runs shellcheck -x
source "$SCRIPT_DIR/common.sh"

readonly APP_UID=1654
# What the official Ubuntu-based images hold, by their Debian bookworm package names.
readonly FULL_PACKAGES=libssl3,libicu72,ca-certificates,tzdata
readonly CHISELED_PACKAGES=(base-files libc6 libgcc-s1 libssl3 libstdc++6 ca-certificates)
readonly CHISELED_EXTRA_PACKAGES=(tzdata libicu72)
# The official -aot SDK images add these to compile Native AOT.
readonly AOT_TOOLCHAIN_PACKAGES="clang llvm zlib1g-dev"

WORK_DIR=""
cleanup() {
  if [[ -n $WORK_DIR ]]; then rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT

# This machine's platform, on which every stage that runs a command runs.
readonly BUILD_PLATFORM=linux/amd64

main() {
  local reuse=false dockerfile=$SCRIPT_DIR/../../app/Dockerfile platform=linux/amd64
  while (($# > 0)); do
    case "$1" in
      --reuse) reuse=true ;;
      --platform)
        platform=${2:-}
        shift
        [[ $platform == linux/amd64 || $platform == linux/arm64 ]] \
          || fail "--platform '$platform' is not supported; allowed: linux/amd64, linux/arm64"
        ;;
      -*) fail "unknown option '$1'; allowed: --reuse, --platform linux/amd64|linux/arm64" ;;
      *) dockerfile=$1 ;;
    esac
    shift
  done
  [[ -f $dockerfile ]] || fail "Dockerfile '$dockerfile' does not exist"
  select_container_engine

  local -a bases missing=()
  local base image image_platform
  mapfile -t bases < <(dockerfile_base_platforms "$dockerfile" "$platform" "$BUILD_PLATFORM")
  say "base images named by $dockerfile, for a $platform build: ${bases[*]}"
  for base in "${bases[@]}"; do
    read -r image image_platform <<<"$base"
    if is_standin "$image"; then
      if [[ $reuse == true && $(image_platform "$image") == "$image_platform" ]]; then
        say "$image: reusing the $image_platform stand-in left by an earlier run (--reuse)"
        continue
      fi
      say "$image: removing the $(image_platform "$image") stand-in left by an earlier run, to build one for $image_platform"
      "${ENGINE[@]}" rmi --force "$image" >/dev/null
    elif [[ $(image_platform "$image") == "$image_platform" ]]; then
      say "$image: official $image_platform image already present"
      continue
    fi
    say "$image: pulling for $image_platform"
    if "${ENGINE[@]}" pull --platform "$image_platform" "$image" >/dev/null 2>&1; then
      say "$image: pulled the official $image_platform image"
    else
      say "$image: cannot be pulled; a $image_platform stand-in will be built"
      missing+=("$image $image_platform")
    fi
  done
  ((${#missing[@]} > 0)) || return 0

  check_standin_prerequisites
  local started=$SECONDS
  WORK_DIR=$(mktemp -d /tmp/standin-bases.XXXXXX)
  # Stand-ins of this machine's platform start from a Debian tree; foreign ones only unpack packages.
  if printf '%s\n' "${missing[@]}" | grep -q " $BUILD_PLATFORM\$"; then make_debian_tree "$WORK_DIR/full"; fi
  for base in "${missing[@]}"; do
    read -r image image_platform <<<"$base"
    make_standin "$image" "$image_platform"
  done
  say "stand-ins built in $((SECONDS - started)) s"
  say "NOTE: STAND-IN BASE IMAGES IN USE: $(printf '%s, ' "${missing[@]}" | sed 's/, $//')"
  say "NOTE: they are Debian bookworm trees shaped like the official images, not the official images;"
  say "NOTE: image sizes measured on them are NOT the official images' sizes."
}

# "linux/amd64" for an image the engine holds, empty when it holds none of that name.
image_platform() {
  "${ENGINE[@]}" image inspect --format '{{.Os}}/{{.Architecture}}' "$1" 2>/dev/null || true
}

check_standin_prerequisites() {
  [[ $(id -u) == 0 ]] || fail "stand-ins need root (debootstrap, chroot); run as root or make the official images pullable"
  command -v debootstrap >/dev/null || fail "stand-ins need debootstrap: apt-get install -y debootstrap"
  [[ $(dpkg --print-architecture) == amd64 ]] \
    || fail "stand-ins are built from this machine's packages, which are $(dpkg --print-architecture), not amd64 like the Fargate task"
  command -v dotnet >/dev/null || fail "stand-ins need this machine's .NET SDK (dotnet on PATH)"
  DOTNET_ROOT_DIR=$(dirname "$(readlink -f "$(command -v dotnet)")")
  MACHINE_SDK_VERSION=$(dotnet --version)
}

# Debian bookworm minbase with the official images' native dependencies and their user `app`.
make_debian_tree() {
  local tree=$1
  say "debootstrap --variant=minbase bookworm (+ $FULL_PACKAGES) into $tree"
  debootstrap --variant=minbase --include="$FULL_PACKAGES" bookworm "$tree" >"$WORK_DIR/debootstrap.log" 2>&1 \
    || fail "debootstrap failed; its log: $(tail -n 3 "$WORK_DIR/debootstrap.log" | tr '\n' ' ')"
  # Trust what this machine trusts: behind a TLS-inspecting proxy (as here) a restore reaches
  # NuGet only with the machine's local CAs, which update-ca-certificates takes from this folder.
  if [[ -n $(ls -A /usr/local/share/ca-certificates 2>/dev/null) ]]; then
    say "adding this machine's local CA certificates (/usr/local/share/ca-certificates) to the stand-ins"
    cp -a /usr/local/share/ca-certificates/. "$tree/usr/local/share/ca-certificates/"
    chroot "$tree" update-ca-certificates >/dev/null 2>&1 || fail "update-ca-certificates failed in the stand-in tree"
  fi
  chroot "$tree" groupadd --gid="$APP_UID" app
  chroot "$tree" useradd --no-log-init --uid="$APP_UID" --gid="$APP_UID" --create-home app
  # Official images ship without package lists or downloaded packages.
  rm -rf "$tree"/var/cache/apt/archives/*.deb "$tree"/var/lib/apt/lists/*
}

# The files of a chiseled image: only the listed packages' libraries and data (no docs, no
# gconv modules, as chisel's slices), `root` and `app` in passwd/group, app's home, and no
# shell: a RUN in a chiseled stage must fail here as it does on the official image.
make_chiseled_tree() {
  local full=$1 tree=$2
  shift 2
  local list=$WORK_DIR/chiseled-files.txt path top
  dpkg-query --admindir="$full/var/lib/dpkg" --listfiles "$@" | while read -r path; do
    top=${path#/}
    top=${top%%/*}
    # bookworm merges /bin, /lib… into /usr: archive each file once, under its real directory.
    if [[ -L $full/$top ]]; then path=/$(readlink "$full/$top")${path#/"$top"}; fi
    if [[ -e $full$path || -L $full$path ]]; then printf '.%s\n' "$path"; fi
  done | grep -v -E '^\./usr/share/(doc|gcc|gdb|lintian|man|info)/|/gconv/' | sort -u >"$list"
  (cd "$full" && find ./etc/ssl/certs && find . -maxdepth 1 -type l) >>"$list"
  mkdir -p "$tree"
  tar -C "$full" --no-recursion -T "$list" -cf - | tar -C "$tree" -xf -
  grep -E '^(root|app):' "$full/etc/passwd" >"$tree/etc/passwd"
  grep -E '^(root|app):' "$full/etc/group" >"$tree/etc/group"
  install -d -m 0755 -o "$APP_UID" -g "$APP_UID" "$tree/home/app"
  install -d -m 1777 "$tree/tmp"
}

# The same files for a foreign architecture ARCH, from that architecture's Debian packages: they are
# downloaded (debootstrap --download-only) and unpacked, never configured, so nothing of ARCH runs here.
# What the packages' scripts would generate is the same on every architecture: the CA bundle comes from
# this machine (which also trusts its local CAs, as make_debian_tree's stand-ins do), the users `root`
# and `app` are written as the official chiseled images have them.
make_foreign_chiseled_tree() {
  local arch=$1 tree=$2
  shift 2
  local debs=$WORK_DIR/debs-$arch package deb
  say "downloading the $arch packages of the chiseled stand-in: $*"
  debootstrap --download-only --arch="$arch" --variant=minbase --include="$(IFS=,; echo "$*")" bookworm "$debs" \
    >"$WORK_DIR/debootstrap-$arch.log" 2>&1 \
    || fail "downloading the $arch packages failed; its log: $(tail -n 3 "$WORK_DIR/debootstrap-$arch.log" | tr '\n' ' ')"
  # bookworm merges /bin, /lib and /sbin into /usr; the packages still ship files under the old paths.
  mkdir -p "$tree/usr/bin" "$tree/usr/lib" "$tree/usr/sbin"
  ln -s usr/bin "$tree/bin"
  ln -s usr/lib "$tree/lib"
  ln -s usr/sbin "$tree/sbin"
  for package in "$@"; do
    deb=$(find "$debs/var/cache/apt/archives" -name "${package}_*_${arch}.deb" -o -name "${package}_*_all.deb" | head -n 1)
    [[ -n $deb ]] || fail "no $arch package $package among the downloaded ones"
    dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$tree" \
      || fail "unpacking $deb failed"
  done
  rm -rf "$tree"/usr/share/{doc,gcc,gdb,lintian,man,info}
  find "$tree" -path '*/gconv/*' -delete
  rm -rf "$tree/etc/ssl/certs"
  cp -aL /etc/ssl/certs "$tree/etc/ssl/certs"
  printf 'root:x:0:0:root:/root:/bin/false\napp:x:%s:%s::/home/app:/bin/false\n' "$APP_UID" "$APP_UID" >"$tree/etc/passwd"
  printf 'root:x:0:\napp:x:%s:\n' "$APP_UID" >"$tree/etc/group"
  install -d -m 0755 -o "$APP_UID" -g "$APP_UID" "$tree/home/app"
  install -d -m 1777 "$tree/tmp"
}

make_standin() {
  local image=$1 platform=$2 repository tag flavor kind
  repository=${image%:*}
  tag=${image##*:}
  [[ $repository != "$image" ]] || fail "base image '$image' has no tag; stand-ins need a tag naming the .NET version"
  case "$repository" in
    mcr.microsoft.com/dotnet/runtime-deps) kind=runtime-deps ;;
    mcr.microsoft.com/dotnet/runtime) kind=runtime ;;
    mcr.microsoft.com/dotnet/aspnet) kind=aspnet ;;
    mcr.microsoft.com/dotnet/sdk) kind=sdk ;;
    *) fail "no stand-in recipe for base image '$image'; known: mcr.microsoft.com/dotnet/{runtime-deps,runtime,aspnet,sdk}" ;;
  esac
  check_dotnet_version "$image" "$tag"
  case "$tag" in
    *chiseled-extra*) flavor=chiseled-extra ;;
    *chiseled*) flavor=chiseled ;;
    *) flavor=full ;;
  esac
  [[ $kind != sdk || $flavor == full ]] || fail "base image '$image': there is no chiseled SDK image"
  local arch=${platform#linux/}
  if [[ $platform != "$BUILD_PLATFORM" && ($kind != runtime-deps || $flavor == full) ]]; then
    fail "no $platform stand-in recipe for '$image': only chiseled runtime-deps bases (which run no command while the image builds) are made for a platform other than $BUILD_PLATFORM"
  fi
  say "$image: building a $platform $flavor $kind stand-in"

  local tree=$WORK_DIR/full
  local -a changes=(
    --change "LABEL $STANDIN_LABEL=debian-bookworm-minbase-standin-not-the-official-image"
    --change "ENV APP_UID=$APP_UID"
    --change "ENV ASPNETCORE_HTTP_PORTS=8080"
    --change "ENV DOTNET_RUNNING_IN_CONTAINER=true"
  )
  if [[ $flavor != full ]]; then
    tree=$WORK_DIR/$flavor-$arch
    if [[ ! -d $tree ]]; then
      local -a packages=("${CHISELED_PACKAGES[@]}")
      if [[ $flavor == chiseled-extra ]]; then packages+=("${CHISELED_EXTRA_PACKAGES[@]}"); fi
      if [[ $platform == "$BUILD_PLATFORM" ]]; then
        make_chiseled_tree "$WORK_DIR/full" "$tree" "${packages[@]}"
      else
        make_foreign_chiseled_tree "$arch" "$tree" "${packages[@]}"
      fi
    fi
    if [[ $flavor == chiseled ]]; then changes+=(--change "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true"); fi
    changes+=(--change "USER $APP_UID")
  fi

  local runtime_version aspnet_version
  runtime_version=$(framework_version Microsoft.NETCore.App "$tag")
  aspnet_version=$(framework_version Microsoft.AspNetCore.App "$tag")
  local -a dotnet_parts=()
  case "$kind" in
    runtime) dotnet_parts=(dotnet host "shared/Microsoft.NETCore.App/$runtime_version")
      changes+=(--change "ENV DOTNET_VERSION=$runtime_version") ;;
    aspnet) dotnet_parts=(dotnet host "shared/Microsoft.NETCore.App/$runtime_version"
      "shared/Microsoft.AspNetCore.App/$aspnet_version")
      changes+=(--change "ENV DOTNET_VERSION=$runtime_version" --change "ENV ASPNET_VERSION=$aspnet_version") ;;
    sdk) mapfile -t dotnet_parts < <(find "$DOTNET_ROOT_DIR" -mindepth 1 -maxdepth 1 -printf '%f\n')
      changes+=(--change "ENV DOTNET_VERSION=$runtime_version" --change "ENV ASPNET_VERSION=$aspnet_version"
        --change "ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false" --change "ENV DOTNET_NOLOGO=true"
        --change "ENV DOTNET_SDK_VERSION=$MACHINE_SDK_VERSION" --change "ENV DOTNET_USE_POLLING_FILE_WATCHER=true"
        --change "ENV NUGET_XMLDOC_MODE=skip")
      # This machine's own SDK settings go along: no telemetry to hosts the network cannot
      # reach, and certificate revocation checked offline where no revocation server answers.
      local setting
      for setting in DOTNET_CLI_TELEMETRY_OPTOUT NUGET_CERT_REVOCATION_MODE; do
        if [[ -n ${!setting:-} ]]; then changes+=(--change "ENV $setting=${!setting}"); fi
      done ;;
  esac

  local import_tag=$image
  if [[ $kind == sdk && $tag == *aot* ]]; then import_tag=localhost/standin-sdk-without-aot-toolchain:$tag; fi
  import_tree "$tree" "$import_tag" "$arch" "${changes[@]}" -- "${dotnet_parts[@]}"
  if [[ $import_tag != "$image" ]]; then
    say "$image: adding the Native AOT toolchain ($AOT_TOOLCHAIN_PACKAGES) as the official -aot image does"
    printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n' \
      "$import_tag" "$AOT_TOOLCHAIN_PACKAGES" >"$WORK_DIR/Containerfile.aot"
    "${ENGINE[@]}" build "${LIMIT_FLAGS[@]}" -f "$WORK_DIR/Containerfile.aot" -t "$image" "$WORK_DIR" \
      >"$WORK_DIR/aot-toolchain.log" 2>&1 \
      || fail "installing the AOT toolchain into the $image stand-in failed: $(tail -n 3 "$WORK_DIR/aot-toolchain.log" | tr '\n' ' ')"
    "${ENGINE[@]}" rmi "$import_tag" >/dev/null
  fi
  say "$image: $platform stand-in ready ($("${ENGINE[@]}" image inspect --format '{{.Size}}' "$image") bytes, NOT the official image's size)"
}

# Imports TREE plus the listed parts of this machine's .NET (relative to its root, placed under
# /usr/share/dotnet with /usr/bin/dotnet linked to it, as in the official images) as one layer.
import_tree() {
  local tree=$1 tag=$2 arch=$3
  shift 3
  local -a changes=()
  while [[ $1 != -- ]]; do
    changes+=("$1")
    shift
  done
  shift
  local -a archive=(-C "$tree" .)
  if (($# > 0)); then
    # The payload is archived through a link named dotnet-payload, so that --transform (which
    # rewrites member names only) moves its members, and only them, under /usr/share/dotnet.
    ln -sfn "$DOTNET_ROOT_DIR" "$WORK_DIR/dotnet-payload"
    mkdir -p "$WORK_DIR/dotnet-link/usr/bin"
    ln -sfn /usr/share/dotnet/dotnet "$WORK_DIR/dotnet-link/usr/bin/dotnet"
    archive+=(-C "$WORK_DIR/dotnet-link" ./usr/bin/dotnet -C "$WORK_DIR")
    local part
    for part in "$@"; do archive+=("dotnet-payload/$part"); done
  fi
  tar --transform 's,^dotnet-payload/,./usr/share/dotnet/,' -cf - "${archive[@]}" \
    | "${ENGINE[@]}" import --os linux --arch "$arch" "${changes[@]}" --message "stand-in for $tag" - "$tag" >"$WORK_DIR/import.log" 2>&1 \
    || fail "importing the stand-in $tag failed: $(tail -n 3 "$WORK_DIR/import.log" | tr '\n' ' ')"
}

check_dotnet_version() {
  local image=$1 tag=$2 wanted have
  wanted=$(grep -oE '^[0-9]+\.[0-9]+' <<<"$tag") \
    || fail "base image '$image': its tag does not start with a .NET version like 10.0"
  have=$(grep -oE '^[0-9]+\.[0-9]+' <<<"$MACHINE_SDK_VERSION")
  [[ $wanted == "$have" ]] \
    || fail "base image '$image' asks for .NET $wanted but this machine has .NET SDK $MACHINE_SDK_VERSION; install .NET $wanted or pull the official image"
}

# Highest installed version of FRAMEWORK whose major.minor matches TAG.
framework_version() {
  local framework=$1 tag=$2 wanted version
  wanted=$(grep -oE '^[0-9]+\.[0-9]+' <<<"$tag")
  version=$(find "$DOTNET_ROOT_DIR/shared/$framework" -mindepth 1 -maxdepth 1 -printf '%f\n' \
    | grep -E "^${wanted//./\\.}\." | sort -V | tail -n 1)
  [[ -n $version ]] || fail "this machine's .NET at $DOTNET_ROOT_DIR has no $framework $wanted.x"
  printf '%s' "$version"
}

main "$@"
