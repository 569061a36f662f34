/** An OpenAPI 3.0 schema object as the generated schema files write it. */
export type OpenApiSchema = Record<string, unknown>;

export type OpenApiSchemas = Record<string, OpenApiSchema>;

/** What a route answers when it succeeds, read from its controller method's return type. */
export interface OpenApiAnswer {
  /** The success statuses (several when the method sets it, e.g. 201 created / 200 already there). */
  statuses: number[];
  /** The JSON body; absent when the route answers only a file, a page or nothing. */
  schema?: OpenApiSchema;
  /** The route may answer a file: a table download (CSV, XLSX) or stored evidence. */
  file?: boolean;
  /** The route answers text (an HTML page). */
  text?: boolean;
  /** The content types the route names with @ApiProduces (its table or page types). */
  produces?: string[];
}

/** Keyed by operationId (`Controller_method`, as @nestjs/swagger names operations). */
export type OpenApiAnswers = Record<string, OpenApiAnswer>;
