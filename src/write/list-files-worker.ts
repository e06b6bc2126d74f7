import { parentPort, workerData } from "node:worker_threads";
import { listFiles } from "./list-files.js";

// Worker entry point (listFilesInThread): lists the folder it is given and posts the list.
parentPort?.postMessage(listFiles(workerData as string));
