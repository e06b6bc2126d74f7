/** `kiji new`: a new post with the blog's front matter, named as the blog names its posts. */
export { createNewPost, slugFor, newPostText, writeNewFile } from "./new-post.js";
export type { NewPostOptions, NewPost } from "./new-post.js";
