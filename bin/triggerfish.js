#!/usr/bin/env node
// The compiled CLI. `npm install` builds it (the `prepare` script); `npm start` rebuilds first.
import '../dist/cli/main.js';
