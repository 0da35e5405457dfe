# One image for every Pivotal Flow role; docker-compose.yml picks the role by command.

# Build stage: every dependency (dev tools included) to generate the Prisma client, build the admin
# UI and the workflow bundle; then the dev dependencies are dropped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The server compiled to JavaScript (dist/server/) and the workflow bundle once, here: each replica
# runs plain node and each worker loads the bundle instead of bundling at start.
RUN npm run db:generate && npm run ui:build && npm run build:server && npm run build:workflows && npm prune --omit=dev --no-audit --no-fund

# Run stage: production dependencies only, owned by root and run as the unprivileged `node` user,
# so a compromised process cannot rewrite the code it runs.
FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
USER node
EXPOSE 3000
# node itself, not npm: a stop signal must reach the process that drains (npm would die and leave it).
CMD ["node", "dist/server/api/main.js"]
