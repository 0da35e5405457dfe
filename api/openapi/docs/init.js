// Swagger UI on this API's own document; a script file, not inline, so a strict CSP allows it.
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });
