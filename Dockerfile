# One image for every Pivotal Flow role; docker-compose.yml picks the role by command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run db:generate && npm run ui:build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# node itself, not npm: a stop signal must reach the process that drains (npm would die and leave it).
CMD ["node", "--import", "tsx", "api/main.ts"]
