-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    -- Edited by hand: generated from the title (weight A) and the body (weight B), so every write
    -- keeps it current and nothing else can set it. Prisma declares it Unsupported("tsvector").
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "body"), 'B')
    ) STORED,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeArticle_search_idx" ON "KnowledgeArticle" USING GIN ("search");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_published_category_idx" ON "KnowledgeArticle"("published", "category");

