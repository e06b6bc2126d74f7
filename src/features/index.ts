/** Derived data as pure functions of the content model: OGP image plans and card texts. */
export { planOgImages } from "./og-image.js";
export type { OgImage, OgImagePlan } from "./og-image.js";
export { cardContent } from "./card-content.js";
export type { CardContent } from "./card-content.js";
