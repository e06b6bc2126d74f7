import { defineConfig } from "kiji";

export default defineConfig({
  title: "ALLFORCES AI NEWS",
  description: "AIの最新ニュース、導入事例、技術ガイドを実務者の視点で届けるブログ",
  url: "https://allforces.example",
  baseurl: "",
  lang: "ja",
  timezone: "Asia/Tokyo",
  permalink: "/:year/:month/:day/:title/",
  paginate: 4,
  paginate_path: "/page:num/",
  author: "ALLFORCES編集部",
  ogp: true,
  exclude: ["netlify.toml"],
  defaults: [{ scope: { path: "", type: "posts" }, values: { layout: "post" } }],
  related: { count: 3 },
  affiliate: { amazon: { tag: "nullpodesu-22", host: "www.amazon.co.jp" } },
  check: { categories: ["AI最新ニュース", "導入事例", "AI技術ガイド"] },
});
