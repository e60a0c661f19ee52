// get_customer (Agent Chat API, "Get Customer"): the full customer object; an unknown id is `not_found`.
import { requireAnyScope, type ApiRequest } from '../api-request'
import { ApiFailure } from '../errors'
import { requiredString } from '../params'

export function getCustomer(request: ApiRequest): unknown {
  requireAnyScope(request, ['customers:ro'])
  const id = requiredString(request.body, 'id')
  const customer = request.world.customers.find((c) => c.id === id)
  if (!customer) throw new ApiFailure('not_found', 'Customer not found')
  return structuredClone(customer)
}
