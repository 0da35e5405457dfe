# One image for every Pivotal Flow role; docker-compose.yml picks the role by command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The workflow bundle once, here: each worker replica loads it instead of bundling at start.
RUN npm run db:generate && npm run ui:build && npm run build:workflows
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
EXPOSE 3000
# node itself, not npm: a stop signal must reach the process that drains (npm would die and leave it).
CMD ["node", "--import", "tsx", "api/main.ts"]
