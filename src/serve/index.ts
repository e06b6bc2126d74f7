/** `kiji serve`: the site built into memory by the same build(), served over HTTP, rebuilt on change, with live reload. */
export { startServe } from "./serve.js";
export type { ServeOptions, ServeSession } from "./serve.js";
export { createDevSite } from "./dev-site.js";
export type { DevSite, DevSiteOptions, DevBuildOptions, LiveMessage, RebuildOutcome } from "./dev-site.js";
export { startDevServer, DEFAULT_LIMITS } from "./dev-server.js";
export type { DevServer, DevServerOptions, ServerLimits } from "./dev-server.js";
export { classifyChange, isEditorTempFile } from "./change-kind.js";
export type { ChangeKind, ChangeContext } from "./change-kind.js";
export { parseRequestTarget, MAX_TARGET_LENGTH } from "./request-target.js";
export type { RequestPath, RejectedPath } from "./request-target.js";
export { createHostCheck, isLoopbackName } from "./host-check.js";
export type { HostCheck } from "./host-check.js";
export { createChangeBatcher, watchSource } from "./watch-source.js";
export type { ChangeBatcher, SourceWatcher, WatchSourceOptions } from "./watch-source.js";
export { describeError } from "./overlay-error.js";
export type { OverlayError } from "./overlay-error.js";
export { injectClient } from "./html.js";
export { CLIENT_SCRIPT_PATH, SOCKET_PATH } from "./client-script.js";
