// The `{:toc}` mark travels from the mdast list (block-ial plugin) to its hast element (list
// handler) to the toc plugin, which fills it in once heading ids exist.
declare module "mdast" {
  interface ListData {
    /** Set on the list written `* TOC\n{:toc}`. */
    kramdownToc?: boolean;
  }
}
declare module "hast" {
  interface ElementData {
    /** Set on the element the toc plugin replaces with the table of contents. */
    kramdownToc?: boolean;
  }
}
export {};
