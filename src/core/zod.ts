import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// One zod for every boundary schema, able to carry OpenAPI names and examples.
extendZodWithOpenApi(z);

export { z };
