import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import {
  createOrderBodySchema,
  journalIdParamsSchema,
  orderFillListSchema,
  orderListQuerySchema,
  orderListSchema,
  orderSchema,
  type CreateOrderBody,
  type JournalIdParams,
  type OrderDto,
  type OrderFillListDto,
  type OrderListDto,
  type OrderListQuery,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { orderFillJson, orderJson } from './order.json.js';
import { OrdersService } from './orders.service.js';

const NOT_FOUND = { 404: 'no such order (or another user\'s)' };

/** `/api/orders`: simulated limit orders on option spreads, filled against the live market. */
@Controller('orders')
export class OrdersController {
  constructor(@Inject(OrdersService) private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({ summary: 'Places a simulated limit order on a spread; it fills at the mid when the mid reaches the limit', responses: { 201: orderSchema }, errors: { 404: 'no such log (issues name `logId`) or saved position (`source.id`)', 409: 'the log is archived' } })
  async create(@CurrentUser() user: UserDto, @ZodBody(createOrderBodySchema) body: CreateOrderBody): Promise<OrderDto> {
    return orderJson(await this.orders.create(user.id, body));
  }

  @Get()
  @ApiRoute({ summary: 'The user\'s orders, newest first, optionally of one status', responses: { 200: orderListSchema } })
  async list(@CurrentUser() user: UserDto, @ZodQuery(orderListQuerySchema) query: OrderListQuery): Promise<OrderListDto> {
    return { orders: (await this.orders.list(user.id, query.status)).map(orderJson) };
  }

  // Declared before `:id` so the literal path is matched first.
  @Get('fills')
  @ApiRoute({ summary: 'The user\'s order fills, newest first', responses: { 200: orderFillListSchema } })
  async fills(@CurrentUser() user: UserDto): Promise<OrderFillListDto> {
    return { fills: (await this.orders.fills(user.id)).map(({ order, fill }) => orderFillJson(order, fill)) };
  }

  @Get(':id')
  @ApiRoute({ summary: 'One order with its fill', responses: { 200: orderSchema }, errors: NOT_FOUND })
  async get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<OrderDto> {
    return orderJson(await this.orders.get(user.id, params.id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiRoute({ summary: 'Cancels a working order', responses: { 200: orderSchema }, errors: { ...NOT_FOUND, 409: 'the order is no longer working' } })
  async cancel(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<OrderDto> {
    return orderJson(await this.orders.cancel(user.id, params.id));
  }
}
