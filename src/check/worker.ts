// A worker thread of the full audit: it may start before the file list is
// known, so it waits for its task, judges its share and posts the outcomes.

import { parentPort } from 'node:worker_threads';
import { judgeShare, type ShareTask } from './share.js';

parentPort!.once('message', (task: ShareTask) => parentPort!.postMessage(judgeShare(task)));
